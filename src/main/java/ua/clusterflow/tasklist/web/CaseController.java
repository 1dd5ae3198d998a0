package ua.clusterflow.tasklist.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.DocumentQuota;
import ua.clusterflow.tasklist.StepNames;
import ua.clusterflow.tasklist.engine.CaseDiagramService;
import ua.clusterflow.tasklist.engine.CaseService;

/** The case page: what a case is, where it stands, what happened, and its comments and documents. */
@Controller
public class CaseController {

    private static final int MAX_COMMENT = 4000;

    private final CaseService caseService;
    private final CaseRepository cases;
    private final CaseDiagramService diagrams;
    private final ClusterDirectory directory;
    private final StepNames stepNames;
    private final DocumentQuota quota;

    public CaseController(CaseService caseService, CaseRepository cases, CaseDiagramService diagrams,
                          ClusterDirectory directory, StepNames stepNames, DocumentQuota quota) {
        this.stepNames = stepNames;
        this.quota = quota;
        this.caseService = caseService;
        this.cases = cases;
        this.diagrams = diagrams;
        this.directory = directory;
    }

    @GetMapping("/cases")
    public String myCases(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("cases", caseService.casesFor(user));
        return "cases/list";
    }

    @GetMapping("/cases/{key}")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String key, Locale locale,
                       Model model) {
        CaseRecord record = visible(user, key);
        model.addAttribute("caseRecord", record);
        model.addAttribute("clusterName", directory.clusterName(record.clusterId()));
        model.addAttribute("events", cases.events(key));
        model.addAttribute("comments", cases.comments(key));
        model.addAttribute("documents", cases.documents(key));
        model.addAttribute("steps", diagrams.diagram(record).map(d -> d.active().stream()
                        .map(id -> stepNames.name(id, d.nameOf(id), locale)).toList())
                .orElse(List.of()));
        model.addAttribute("details", caseService.details(record));
        model.addAttribute("worksCases", user.worksCasesOf(record.clusterId()));
        return "cases/case";
    }

    @GetMapping(value = "/cases/{key}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public CaseDiagramService.Diagram diagram(@AuthenticationPrincipal CurrentUser user, @PathVariable String key) {
        return diagrams.diagram(visible(user, key))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/cases/{key}/comments")
    public String comment(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                          @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        CaseRecord record = visible(user, key);
        String text = body.trim();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            redirect.addFlashAttribute("commentError", text.isEmpty() ? "error.required" : "error.maxLength");
            redirect.addFlashAttribute("commentBody", body);
            return "redirect:/cases/" + key + "#comments";
        }
        caseService.comment(user, record, text);
        return "redirect:/cases/" + key + "#comments";
    }

    @PostMapping("/cases/{key}/documents")
    public String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                         @RequestParam(name = "file", required = false) MultipartFile file,
                         RedirectAttributes redirect) throws IOException {
        CaseRecord record = visible(user, key);
        String problem = file == null ? "error.required"
                : caseService.addDocument(user, record, file.getOriginalFilename(), file.getBytes());
        if (problem != null) {
            redirect.addFlashAttribute("documentError", problem);
            redirect.addFlashAttribute("documentErrorArg",
                    DocumentQuota.PROBLEM.equals(problem) ? quota.quotaMb() : CaseService.MAX_DOCUMENT_MB);
        }
        return "redirect:/cases/" + key + "#documents";
    }

    @GetMapping("/documents/{id}")
    public ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Optional<CaseRepository.CaseDocument> document = cases.document(id);
        if (document.isEmpty() || caseService.visibleCase(user, document.get().businessKey()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CaseRepository.CaseDocument doc = document.get();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(doc.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(doc.contentType()))
                .body(cases.content(id));
    }

    private CaseRecord visible(CurrentUser user, String key) {
        return caseService.visibleCase(user, key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
