package ua.clusterflow.dashboard.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Formats;
import ua.clusterflow.base.PdfRenderer;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.dashboard.DashboardService;
import ua.clusterflow.dashboard.Quarter;
import ua.clusterflow.dashboard.QuarterlyReport;
import ua.clusterflow.dashboard.ReportService;
import ua.clusterflow.dashboard.ReportWorkbook;

/** The cluster's dashboard for its coordinators and board, its quarterly report, and the alliance view. */
@Controller
public class DashboardController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DashboardService dashboards;
    private final ReportService reports;
    private final ReportWorkbook workbook;
    private final PdfRenderer pdf;
    private final ClusterDirectory directory;
    private final Formats formats;
    private final Charts charts;

    public DashboardController(DashboardService dashboards, ReportService reports, ReportWorkbook workbook,
                               PdfRenderer pdf, ClusterDirectory directory, Formats formats, Charts charts) {
        this.dashboards = dashboards;
        this.reports = reports;
        this.workbook = workbook;
        this.pdf = pdf;
        this.directory = directory;
        this.formats = formats;
        this.charts = charts;
    }

    @GetMapping("/dashboard")
    public String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cluster,
                            Model model) {
        List<String> staffClusters = staffClusters(user);
        String clusterId = cluster != null && staffClusters.contains(cluster) ? cluster : staffClusters.get(0);
        Quarter now = Quarter.of(AppClock.today());
        model.addAttribute("dashboard", dashboards.forCluster(clusterId));
        model.addAttribute("clusters", directory.clusters().stream().filter(c -> staffClusters.contains(c.id())).toList());
        model.addAttribute("coordinator", user.has(clusterId, Role.COORDINATOR));
        model.addAttribute("quarters", List.of(now, now.minus(1), now.minus(2), now.minus(3)));
        return "dashboard/dashboard";
    }

    @GetMapping("/dashboard/alliance")
    public String alliance(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!user.administrator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("rows", directory.clusters().stream().map(c -> dashboards.allianceRow(c.id())).toList());
        return "dashboard/alliance";
    }

    @GetMapping("/dashboard/report.pdf")
    public ResponseEntity<byte[]> reportPdf(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                                            @RequestParam(required = false) String quarter,
                                            @RequestParam(required = false) String lang, Locale locale) {
        QuarterlyReport report = report(user, cluster, quarter);
        Locale language = language(lang, locale);
        byte[] body = pdf.render("quarterly-report", language, Map.of("report", report,
                "d", report.dashboard(), "generated", formats.dateTime(report.generatedAt()), "charts", charts));
        return download(body, MediaType.APPLICATION_PDF, report, language, "pdf");
    }

    @GetMapping("/dashboard/report.xlsx")
    public ResponseEntity<byte[]> reportXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                                             @RequestParam(required = false) String quarter,
                                             @RequestParam(required = false) String lang, Locale locale) {
        QuarterlyReport report = report(user, cluster, quarter);
        Locale language = language(lang, locale);
        return download(workbook.write(report, language), XLSX, report, language, "xlsx");
    }

    private QuarterlyReport report(CurrentUser user, String cluster, String quarter) {
        if (!staffClusters(user).contains(cluster)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Quarter q = quarter == null ? Quarter.of(AppClock.today()) : Quarter.parse(quarter)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        return reports.report(cluster, q);
    }

    private static Locale language(String lang, Locale current) {
        return "en".equals(lang) ? Locale.ENGLISH : "uk".equals(lang) ? Locale.forLanguageTag("uk") : current;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, QuarterlyReport report, Locale language,
                                                   String extension) {
        String name = "report-" + report.dashboard().clusterId() + "-" + report.quarter() + "-"
                + language.getLanguage() + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    /** The clusters whose dashboard a person sees: the ones they coordinate or sit on the board of; all for admins. */
    private List<String> staffClusters(CurrentUser user) {
        List<String> staff = user.administrator()
                ? directory.clusters().stream().map(c -> c.id()).toList()
                : user.clusterIds().stream().filter(user::worksCasesOf).toList();
        if (staff.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return staff;
    }
}
