package ua.clusterflow.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.Countries;

/**
 * The member's application form as typed, with its checks. A draft may be incomplete but not
 * wrong; a submission must be complete.
 */
public class GrantForm {

    public static final int PARTNER_ROWS = 6;
    public static final Set<String> PROGRAMMES = Set.of("horizon", "smp", "interreg", "eu4business", "national", "other");

    public record PartnerRow(String name, String country, String role) {
        boolean empty() {
            return blank(name) && blank(country) && blank(role);
        }
    }

    private String programme = "";
    private String callId = "";
    private String callDeadline = "";
    private String title = "";
    private String summary = "";
    private String titleEn = "";
    private String summaryEn = "";
    private String requestedBudget = "";
    private String coFinancing = "";
    private int version;
    private List<PartnerRow> partners = new ArrayList<>();
    private FieldErrors errors = new FieldErrors();

    public static GrantForm of(GrantApplication a) {
        GrantForm form = new GrantForm();
        form.programme = nz(a.programme());
        form.callId = nz(a.callId());
        form.callDeadline = a.callDeadline() == null ? "" : a.callDeadline().toString();
        form.title = nz(a.title());
        form.summary = nz(a.summary());
        form.titleEn = nz(a.titleEn());
        form.summaryEn = nz(a.summaryEn());
        form.requestedBudget = a.requestedBudget() == null ? "" : a.requestedBudget().toPlainString();
        form.coFinancing = a.coFinancing() == null ? "" : a.coFinancing().toPlainString();
        form.version = a.version();
        a.partners().forEach(p -> form.partners.add(new PartnerRow(p.name(), p.country(), p.role())));
        return form;
    }

    public static GrantForm typed(Map<String, String[]> params) {
        GrantForm form = new GrantForm();
        form.programme = first(params, "programme");
        form.callId = first(params, "callId");
        form.callDeadline = first(params, "callDeadline");
        form.title = first(params, "title");
        form.summary = first(params, "summary");
        form.titleEn = first(params, "titleEn");
        form.summaryEn = first(params, "summaryEn");
        form.requestedBudget = first(params, "requestedBudget");
        form.coFinancing = first(params, "coFinancing");
        try {
            form.version = Integer.parseInt(first(params, "version"));
        } catch (NumberFormatException e) {
            form.version = -1;
        }
        for (int i = 0; i < PARTNER_ROWS; i++) {
            PartnerRow row = new PartnerRow(first(params, "partnerName" + i), first(params, "partnerCountry" + i),
                    first(params, "partnerRole" + i));
            if (!row.empty()) {
                form.partners.add(row);
            }
        }
        return form;
    }

    /** Checks what was typed; with {@code complete}, every required field must be there too. */
    public boolean check(boolean complete) {
        errors = new FieldErrors();
        if (!programme.isEmpty() && !PROGRAMMES.contains(programme)) {
            errors.reject("programme", "error.option");
        }
        LocalDate deadline = deadline();
        if (!callDeadline.isEmpty() && deadline == null) {
            errors.reject("callDeadline", "error.date");
        } else if (deadline != null && !deadline.isAfter(AppClock.today())) {
            errors.reject("callDeadline", "grant.error.deadlinePast");
        }
        if (title.length() > 300) {
            errors.reject("title", "grant.error.tooLong");
        }
        if (summary.length() > 8000) {
            errors.reject("summary", "grant.error.tooLong");
        }
        if (titleEn.length() > 300) {
            errors.reject("titleEn", "grant.error.tooLong");
        }
        if (summaryEn.length() > 8000) {
            errors.reject("summaryEn", "grant.error.tooLong");
        }
        checkAmount("requestedBudget", requestedBudget, true);
        checkAmount("coFinancing", coFinancing, false);
        for (int i = 0; i < partners.size(); i++) {
            PartnerRow row = partners.get(i);
            if (blank(row.name())) {
                errors.reject("partner" + i, "grant.error.partnerName");
            } else if (!Countries.known(row.country())) {
                errors.reject("partner" + i, "grant.error.country");
            } else if (blank(row.role())) {
                errors.reject("partner" + i, "grant.error.partnerRole");
            }
        }
        if (complete) {
            for (String field : List.of("programme", "callId", "callDeadline", "title", "summary", "requestedBudget")) {
                if (value(field).isEmpty()) {
                    errors.reject(field, "error.required");
                }
            }
        }
        return errors.isEmpty();
    }

    private void checkAmount(String field, String typed, boolean positive) {
        if (typed.isEmpty()) {
            return;
        }
        BigDecimal amount = amount(typed);
        if (amount == null) {
            errors.reject(field, "error.number");
        } else if (positive ? amount.signum() <= 0 : amount.signum() < 0) {
            errors.reject(field, positive ? "grant.error.positive" : "grant.error.notNegative");
        }
    }

    private String value(String field) {
        return switch (field) {
            case "programme" -> programme;
            case "callId" -> callId;
            case "callDeadline" -> callDeadline;
            case "title" -> title;
            case "summary" -> summary;
            case "requestedBudget" -> requestedBudget;
            default -> "";
        };
    }

    public LocalDate deadline() {
        try {
            return callDeadline.isEmpty() ? null : LocalDate.parse(callDeadline);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public BigDecimal budget() {
        return amount(requestedBudget);
    }

    public BigDecimal coFinancingAmount() {
        return amount(coFinancing);
    }

    private static BigDecimal amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void reject(String field, String code, Object... args) {
        errors.reject(field, code, args);
    }

    public FieldErrors errors() {
        return errors;
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The partner rows to show: those typed, then empty ones up to the form's size. */
    public List<PartnerRow> rows() {
        List<PartnerRow> rows = new ArrayList<>(partners);
        while (rows.size() < PARTNER_ROWS) {
            rows.add(new PartnerRow("", "", ""));
        }
        return rows;
    }

    public List<PartnerRow> partners() {
        return partners;
    }

    public String getProgramme() { return programme; }
    public String getCallId() { return callId; }
    public String getCallDeadline() { return callDeadline; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }

    public String getTitleEn() { return titleEn; }

    public String getSummaryEn() { return summaryEn; }
    public String getRequestedBudget() { return requestedBudget; }
    public String getCoFinancing() { return coFinancing; }
    public int getVersion() { return version; }

    private static String first(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0].trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
