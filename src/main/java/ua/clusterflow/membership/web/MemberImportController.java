package ua.clusterflow.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.membership.ImportUndo;
import ua.clusterflow.membership.MemberImport;
import ua.clusterflow.membership.MemberSheet;
import ua.clusterflow.tasklist.FileTypes;

/** A coordinator brings in the members the cluster already has: template, upload, dry run, corrections, import. */
@Controller
public class MemberImportController {

    private final MemberImport imports;
    private final ImportUndo undo;
    private final MemberSheet sheet;
    private final ClusterDirectory directory;

    public MemberImportController(MemberImport imports, ImportUndo undo, MemberSheet sheet, ClusterDirectory directory) {
        this.undo = undo;
        this.imports = imports;
        this.sheet = sheet;
        this.directory = directory;
    }

    @GetMapping("/members/import")
    public String initUploadForm(@AuthenticationPrincipal CurrentUser user,
                                 @RequestParam(defaultValue = "") String cluster, Model model) {
        return upload(user.clusterAsCoordinator(cluster), model, null, null);
    }

    @PostMapping("/members/import")
    public String processUploadForm(@AuthenticationPrincipal CurrentUser user,
                                    @RequestParam(defaultValue = "") String cluster,
                                    @RequestParam(required = false) MultipartFile file, Model model,
                                    HttpServletResponse response) throws IOException {
        String clusterId = user.clusterAsCoordinator(cluster);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return upload(clusterId, model, "members.import.error.noFile", null);
        }
        try {
            UUID id = imports.upload(clusterId, FileTypes.safeName(file.getOriginalFilename()), file.getBytes(),
                    user.id());
            return "redirect:/members/import/" + id;
        } catch (MemberSheet.Unreadable e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return upload(clusterId, model, e.key(), e.arg());
        }
    }

    @GetMapping("/members/import/template.{format}")
    public ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user, @PathVariable String format,
                                           @RequestParam(defaultValue = "uk") String lang) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("uk");
        String name = ("en".equals(lang) ? "members-template" : "shablon-uchasnykiv") + "." + format;
        byte[] body = switch (format) {
            case "xlsx" -> sheet.templateXlsx(locale);
            case "csv" -> sheet.templateCsv(locale);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType(FileTypes.contentType("xlsx")))
                .body(body);
    }

    @GetMapping("/members/import/{id}")
    public String dryRun(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        return show(user, id, model);
    }

    @GetMapping("/members/import/{id}/columns")
    public String initColumnsForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        own(user, id);
        MemberImport.Columns columns = imports.columns(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (columns.imported()) {
            return "redirect:/members/import/" + id;
        }
        model.addAttribute("columns", columns);
        model.addAttribute("clusterName", directory.clusterName(columns.clusterId()));
        model.addAttribute("fields", MemberSheet.FIELDS);
        model.addAttribute("optional", MemberSheet.OPTIONAL);
        return "members/import-columns";
    }

    /** The coordinator's choice of a column for each field ({@code column.name=2}), or one value for all rows. */
    @PostMapping("/members/import/{id}/columns")
    public String processColumnsForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                     @RequestParam Map<String, String> params) {
        own(user, id);
        Map<String, Integer> columns = new HashMap<>();
        Map<String, String> sameForAll = new HashMap<>();
        for (String field : MemberSheet.FIELDS) {
            String column = params.getOrDefault("column." + field, "");
            if (column.matches("\\d{1,3}")) {
                columns.put(field, Integer.parseInt(column));
            }
            String same = params.getOrDefault("same." + field, "");
            sameForAll.put(field, same.length() > 300 ? same.substring(0, 300) : same);
        }
        imports.map(id, columns, sameForAll);
        return "redirect:/members/import/" + id;
    }

    @PostMapping("/members/import/{id}/rows/{line}")
    public String correctRow(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable int line,
                             @RequestParam Map<String, String> params) {
        own(user, id);
        Map<String, String> cells = new HashMap<>();
        for (String field : MemberSheet.FIELDS) {
            if (params.containsKey(field)) {
                String value = params.get(field);
                cells.put(field, value.length() > 500 ? value.substring(0, 500) : value);
            }
        }
        imports.correct(id, line, cells);
        return "redirect:/members/import/" + id + "#row-" + line;
    }

    @PostMapping("/members/import/{id}")
    public String run(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                      RedirectAttributes redirect) {
        String clusterId = own(user, id);
        int brought = imports.run(id, user.id());
        redirect.addFlashAttribute("message", "members.import.done");
        redirect.addFlashAttribute("messageArgs", new Object[] {brought});
        return "redirect:/members/import/" + id + "?cluster=" + clusterId;
    }

    /** Undoes the import as a whole, or shows what stands in the way with nothing removed. */
    @PostMapping("/members/import/{id}/undo")
    public String undo(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = own(user, id);
        int removed = undo.undo(id, user.id());
        if (removed < 0) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("obstacles", undo.obstacles(id));
            return show(user, id, model);
        }
        redirect.addFlashAttribute("message", "members.undo.done");
        redirect.addFlashAttribute("messageArgs", new Object[] {removed});
        return "redirect:/members/import/" + id + "?cluster=" + clusterId;
    }

    private String show(CurrentUser user, UUID id, Model model) {
        own(user, id);
        MemberImport.Check check = imports.check(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!check.mapped()) {
            return "redirect:/members/import/" + id + "/columns";
        }
        model.addAttribute("check", check);
        model.addAttribute("undoneAt", undo.undoneAt(id).orElse(null));
        model.addAttribute("undoable", check.imported() && undo.undoable(id));
        model.addAttribute("clusterName", directory.clusterName(check.clusterId()));
        model.addAttribute("fields", MemberSheet.FIELDS);
        model.addAttribute("sheet", sheet);
        return "members/import-check";
    }

    private String upload(String clusterId, Model model, String error, String errorArg) {
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusterName", directory.clusterName(clusterId));
        model.addAttribute("errors", error == null ? new FieldErrors() : new FieldErrors().reject("file", error, errorArg));
        model.addAttribute("fields", MemberSheet.FIELDS);
        model.addAttribute("maxRows", MemberImport.MAX_ROWS);
        return "members/import";
    }

    /** An upload is for the coordinators of its cluster alone; to anyone else it does not exist. */
    private String own(CurrentUser user, UUID id) {
        return imports.clusterOf(id).filter(c -> user.has(c, Role.COORDINATOR))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
