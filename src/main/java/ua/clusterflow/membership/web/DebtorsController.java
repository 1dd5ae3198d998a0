package ua.clusterflow.membership.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Spreadsheets;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.FileTypes;

/**
 * Who owes what since when, for the cluster's coordinators: the open invoices by age (not yet due, overdue up to 30
 * days, 31 to 90, over 90), each with its payer's membership status, the totals per age, and the same as a spreadsheet.
 */
@Controller
public class DebtorsController {

    /** The ages of an open invoice, in the order the page shows them. */
    static final List<String> AGES = List.of("notDue", "upTo30", "upTo90", "over90");

    /** The reminders of a dues or joining-fee invoice, as their cases record them. */
    static final List<String> PAYMENT_REMINDERS = List.of("dues", "payment");

    /**
     * An open invoice on the page: the invoice, its age, its payer's status as a message key, and when its payer was
     * reminded of it.
     */
    public record Debt(Invoices.Invoice invoice, String age, long daysOverdue, String status, List<Instant> reminders) {

        public Instant lastReminder() {
            return reminders.isEmpty() ? null : reminders.get(reminders.size() - 1);
        }
    }

    private final Invoices invoices;
    private final MemberOrganisationRepository organisations;
    private final ClusterDirectory directory;
    private final MessageSource messages;
    private final CaseRepository cases;

    public DebtorsController(Invoices invoices, MemberOrganisationRepository organisations,
                             ClusterDirectory directory, MessageSource messages, CaseRepository cases) {
        this.invoices = invoices;
        this.organisations = organisations;
        this.directory = directory;
        this.messages = messages;
        this.cases = cases;
    }

    @GetMapping("/members/debtors")
    public String debtors(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String cluster,
                          Model model) {
        String clusterId = user.clusterAsCoordinator(cluster);
        List<Debt> debts = debts(clusterId);
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        AGES.forEach(age -> totals.put(age, BigDecimal.ZERO));
        debts.forEach(d -> totals.merge(d.age(), d.invoice().outstanding(), BigDecimal::add));
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusterName", directory.clusterName(clusterId));
        model.addAttribute("debts", debts);
        model.addAttribute("totals", totals);
        model.addAttribute("ages", AGES);
        return "members/debtors";
    }

    @GetMapping("/members/debtors.xlsx")
    public ResponseEntity<byte[]> workbook(@AuthenticationPrincipal CurrentUser user,
                                           @RequestParam(defaultValue = "") String cluster, Locale locale) {
        String clusterId = user.clusterAsCoordinator(cluster);
        List<Debt> debts = debts(clusterId);
        byte[] body = Spreadsheets.xlsx(book -> {
            Sheet sheet = book.createSheet(text("members.debtors", locale));
            CellStyle date = Spreadsheets.dates(book, "dd.mm.yyyy");
            sheet.createRow(0).createCell(0).setCellValue(text("members.debtors", locale) + " · "
                    + directory.clusterName(clusterId));
            Spreadsheets.header(sheet, 2, List.of(text("invoice.number", locale), text("invoice.payer", locale),
                    text("members.status", locale), text("members.debtors.outstanding", locale), text("invoice.dueOn", locale),
                    text("members.debtors.daysOverdue", locale), text("members.debtors.age", locale),
                    text("members.debtors.reminders", locale), text("members.debtors.lastReminder", locale)));
            int r = 3;
            for (Debt debt : debts) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(debt.invoice().printed());
                line.createCell(1).setCellValue(debt.invoice().payerName());
                line.createCell(2).setCellValue(text(debt.status(), locale));
                line.createCell(3).setCellValue(debt.invoice().outstanding().doubleValue());
                line.createCell(4).setCellValue(debt.invoice().dueOn());
                line.getCell(4).setCellStyle(date);
                line.createCell(5).setCellValue(debt.daysOverdue());
                line.createCell(6).setCellValue(text("members.debtors.age." + debt.age(), locale));
                line.createCell(7).setCellValue(debt.reminders().size());
                if (debt.lastReminder() != null) {
                    line.createCell(8).setCellValue(LocalDate.ofInstant(debt.lastReminder(), AppClock.KYIV));
                    line.getCell(8).setCellStyle(date);
                }
            }
        });
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("debtors-" + clusterId + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType(FileTypes.contentType("xlsx")))
                .body(body);
    }

    private List<Debt> debts(String clusterId) {
        List<Debt> debts = new ArrayList<>();
        List<Invoices.Invoice> open = invoices.open(clusterId);
        Map<String, List<Instant>> reminders = cases.reminders(
                open.stream().map(Invoices.Invoice::businessKey).toList(), PAYMENT_REMINDERS);
        for (Invoices.Invoice invoice : open) {
            long days = invoice.daysOverdue(AppClock.today());
            String age = !AppClock.today().isAfter(invoice.dueOn()) ? "notDue" : days <= 30 ? "upTo30"
                    : days <= 90 ? "upTo90" : "over90";
            String status = invoice.organisationId() == null ? "members.debtors.applicant"
                    : organisations.find(invoice.organisationId()).map(MemberOrganisation::status)
                            .map(s -> "membership.status." + s.name()).orElse("members.debtors.applicant");
            debts.add(new Debt(invoice, age, days, status,
                    reminders.getOrDefault(invoice.businessKey(), List.of())));
        }
        return debts;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
