package ua.clusterflow.books.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
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
import ua.clusterflow.books.BankStatements;
import ua.clusterflow.books.StatementMatcher;
import ua.clusterflow.books.StatementProblem;
import ua.clusterflow.books.StatementSheet;
import ua.clusterflow.cluster.ClusterDirectory;

/**
 * The coordinator's bank statements: upload one as the bank exports it, confirm its columns (CSV, XLSX) once, see
 * every line matched, ambiguous or unknown with what it would do, and book the lines chosen.
 */
@Controller
public class StatementsController {

    private final BankStatements statements;
    private final ClusterDirectory directory;

    public StatementsController(BankStatements statements, ClusterDirectory directory) {
        this.statements = statements;
        this.directory = directory;
    }

    @GetMapping("/books/statements")
    public String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String cluster,
                       Model model) {
        return uploadPage(user.clusterAsCoordinator(cluster), new FieldErrors(), model);
    }

    @PostMapping("/books/statements")
    public String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String cluster,
                         @RequestParam(required = false) MultipartFile file, HttpServletResponse response, Model model)
            throws IOException {
        String clusterId = user.clusterAsCoordinator(cluster);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return uploadPage(clusterId, new FieldErrors().reject("file", "books.error.noFile"), model);
        }
        try {
            long id = statements.upload(user, clusterId, file.getOriginalFilename(), file.getBytes());
            return "redirect:/books/statements/" + id;
        } catch (StatementProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return uploadPage(clusterId, new FieldErrors().reject("file", problem.key(), problem.args()), model);
        }
    }

    @GetMapping("/books/statements/{id}")
    public String dryRun(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        BankStatements.Statement statement = own(user, id);
        BankStatements.DryRun run;
        try {
            run = statements.dryRun(statement);
        } catch (StatementProblem problem) {
            return uploadPage(statement.clusterId(), new FieldErrors().reject("file", problem.key(), problem.args()),
                    model);
        }
        if (run.needsColumns()) {
            return columnsPage(run, new FieldErrors(), model);
        }
        model.addAttribute("statement", statement);
        model.addAttribute("clusterName", directory.clusterName(statement.clusterId()));
        model.addAttribute("run", run);
        Map<StatementMatcher.Kind, Long> counts = new EnumMap<>(StatementMatcher.Kind.class);
        for (StatementMatcher.Kind kind : StatementMatcher.Kind.values()) {
            counts.put(kind, run.matches().stream().filter(m -> m.kind() == kind).count());
        }
        model.addAttribute("counts", counts);
        return "books/statement";
    }

    /** The coordinator's choice of a column for each field ({@code column.amount=3}), kept for the cluster. */
    @PostMapping("/books/statements/{id}/columns")
    public String processColumnsForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                     @RequestParam Map<String, String> params, HttpServletResponse response,
                                     Model model) throws StatementProblem {
        BankStatements.Statement statement = own(user, id);
        BankStatements.DryRun run = statements.dryRun(statement);
        if (!run.needsColumns()) {
            return "redirect:/books/statements/" + id;
        }
        List<String> header = run.table().header();
        Map<String, Integer> columns = new HashMap<>();
        FieldErrors errors = new FieldErrors();
        Set<Integer> taken = new HashSet<>();
        for (String field : StatementSheet.FIELDS) {
            String column = params.getOrDefault("column." + field, "");
            if (column.matches("\\d{1,3}") && Integer.parseInt(column) < header.size()) {
                if (!taken.add(Integer.parseInt(column))) {
                    errors.reject("column." + field, "books.error.columnTwice");
                }
                columns.put(field, Integer.parseInt(column));
            } else if (StatementSheet.REQUIRED.contains(field)) {
                errors.reject("column." + field, "error.required");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return columnsPage(new BankStatements.DryRun(statement, null, run.table(), columns), errors, model);
        }
        statements.saveColumns(statement.clusterId(), header, columns);
        return "redirect:/books/statements/" + id;
    }

    /** Books the lines ticked ({@code book=4}), each to the invoice chosen for it ({@code invoice.4=17}). */
    @PostMapping("/books/statements/{id}")
    public String book(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestParam(name = "book", required = false) List<Integer> lines,
                       @RequestParam Map<String, String> params, RedirectAttributes redirect) throws StatementProblem {
        BankStatements.Statement statement = own(user, id);
        Map<Integer, Long> chosen = new HashMap<>();
        for (Integer line : lines == null ? List.<Integer>of() : lines) {
            String invoice = params.getOrDefault("invoice." + line, "");
            if (invoice.matches("\\d{1,18}")) {
                chosen.put(line, Long.parseLong(invoice));
            }
        }
        BankStatements.Booking booking = statements.book(user, statement, chosen);
        // the lines not booked and why, beside each line of the page after (a flash attribute lives in the session)
        redirect.addFlashAttribute("refused", new LinkedHashMap<>(booking.refused()));
        redirect.addFlashAttribute("message", "books.booked");
        redirect.addFlashAttribute("messageArgs", new Object[] {booking.booked(), booking.completed()});
        return "redirect:/books/statements/" + id;
    }

    /** Which column holds what, as guessed or as the coordinator chose, with what is wrong beside each field. */
    private String columnsPage(BankStatements.DryRun run, FieldErrors errors, Model model) {
        model.addAttribute("statement", run.statement());
        model.addAttribute("clusterName", directory.clusterName(run.statement().clusterId()));
        model.addAttribute("run", run);
        model.addAttribute("fields", StatementSheet.FIELDS);
        model.addAttribute("required", StatementSheet.REQUIRED);
        model.addAttribute("errors", errors);
        return "books/columns";
    }

    private BankStatements.Statement own(CurrentUser user, long id) {
        BankStatements.Statement statement = statements.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        user.clusterAsCoordinator(statement.clusterId());
        return statement;
    }

    private String uploadPage(String clusterId, FieldErrors errors, Model model) {
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusterName", directory.clusterName(clusterId));
        model.addAttribute("statements", statements.ofCluster(clusterId));
        model.addAttribute("errors", errors);
        return "books/statements";
    }
}
