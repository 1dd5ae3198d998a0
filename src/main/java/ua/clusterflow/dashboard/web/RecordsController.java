package ua.clusterflow.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.cluster.PaymentDetails;
import ua.clusterflow.dashboard.ClusterRecords;
import ua.clusterflow.dashboard.Quarter;

/**
 * What the coordinator records for the dashboard: export marketing events and missions, the regional development
 * plan's items and the cluster's profile. Bad input comes back next to its field with everything typed kept.
 */
@Controller
public class RecordsController {

    private static final List<String> KINDS = List.of("EVENT", "MISSION");

    private final ClusterRecords records;
    private final ClusterDirectory directory;
    private final PaymentDetails payments;

    public RecordsController(ClusterRecords records, ClusterDirectory directory, PaymentDetails payments) {
        this.payments = payments;
        this.records = records;
        this.directory = directory;
    }

    @GetMapping("/dashboard/records")
    public String records(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cluster,
                          Locale locale, Model model) {
        String clusterId = coordinated(user, cluster);
        return show(user, clusterId, Map.of(), new FieldErrors(), locale, model);
    }

    @PostMapping("/dashboard/records/export")
    public String recordExport(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                               @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String title,
                               @RequestParam(defaultValue = "") String country,
                               @RequestParam(defaultValue = "") String heldOn,
                               @RequestParam(defaultValue = "") String participants, Locale locale, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = coordinated(user, cluster);
        FieldErrors errors = new FieldErrors();
        if (!KINDS.contains(kind)) {
            errors.reject("kind", "error.option");
        }
        text(errors, "exportTitle", title);
        if (!Countries.known(country)) {
            errors.reject("country", "error.option");
        }
        LocalDate day = errors.day("heldOn", heldOn, true);
        Integer people = whole(errors, "participants", participants);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(user, clusterId, Map.of("form", "export", "kind", kind, "exportTitle", title, "country", country,
                    "heldOn", heldOn, "participants", participants), errors, locale, model);
        }
        records.recordExport(clusterId, kind, title.trim(), country, day, people, user.id());
        redirect.addFlashAttribute("message", "records.saved");
        return "redirect:/dashboard/records?cluster=" + clusterId;
    }

    @PostMapping("/dashboard/records/export/{id}/delete")
    public String deleteExport(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                               @PathVariable long id, RedirectAttributes redirect) {
        String clusterId = coordinated(user, cluster);
        records.deleteExport(clusterId, id);
        redirect.addFlashAttribute("message", "records.deleted");
        return "redirect:/dashboard/records?cluster=" + clusterId;
    }

    @PostMapping("/dashboard/records/plan")
    public String addPlanItem(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                              @RequestParam(defaultValue = "") String title,
                              @RequestParam(defaultValue = "") String programme,
                              @RequestParam(defaultValue = "false") boolean participates, Locale locale, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = coordinated(user, cluster);
        FieldErrors errors = new FieldErrors();
        text(errors, "planTitle", title);
        text(errors, "programme", programme);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(user, clusterId, Map.of("form", "plan", "planTitle", title, "programme", programme,
                    "participates", String.valueOf(participates)), errors, locale, model);
        }
        records.addPlanItem(clusterId, title.trim(), programme.trim(), participates, user.id());
        redirect.addFlashAttribute("message", "records.saved");
        return "redirect:/dashboard/records?cluster=" + clusterId;
    }

    @PostMapping("/dashboard/records/plan/{id}")
    public String setParticipation(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                                   @PathVariable long id, @RequestParam boolean participates,
                                   @RequestParam int version, RedirectAttributes redirect) {
        String clusterId = coordinated(user, cluster);
        try {
            records.setParticipation(clusterId, id, participates, version, user.id());
            redirect.addFlashAttribute("message", "records.saved");
        } catch (ClusterRecords.ChangedMeanwhile e) {
            redirect.addFlashAttribute("error", "records.changedMeanwhile");
        }
        return "redirect:/dashboard/records?cluster=" + clusterId;
    }

    @PostMapping("/dashboard/records/profile")
    public String saveProfile(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                              @RequestParam(defaultValue = "") String strategyAdopted,
                              @RequestParam(defaultValue = "") String staffFte,
                              @RequestParam(defaultValue = "") String workingGroups,
                              @RequestParam(defaultValue = "") String coalitions,
                              @RequestParam(defaultValue = "-1") int version, Locale locale, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = coordinated(user, cluster);
        FieldErrors errors = new FieldErrors();
        LocalDate adopted = errors.day("strategyAdopted", strategyAdopted, false);
        BigDecimal fte = null;
        try {
            fte = new BigDecimal(staffFte.trim().replace(',', '.'));
            if (fte.signum() < 0 || fte.compareTo(new BigDecimal("99")) > 0) {
                errors.reject("staffFte", "records.outOfRange");
            }
        } catch (NumberFormatException e) {
            errors.reject("staffFte", "error.number");
        }
        Integer groups = whole(errors, "workingGroups", workingGroups);
        Integer allied = whole(errors, "coalitions", coalitions);
        Map<String, String> typed = new LinkedHashMap<>(Map.of("form", "profile", "strategyAdopted", strategyAdopted,
                "staffFte", staffFte, "workingGroups", workingGroups, "coalitions", coalitions,
                "version", String.valueOf(version)));
        if (errors.isEmpty()) {
            try {
                records.saveProfile(clusterId, new ClusterRecords.Profile(adopted, fte, groups, allied, version),
                        user.id());
                redirect.addFlashAttribute("message", "records.saved");
                return "redirect:/dashboard/records?cluster=" + clusterId;
            } catch (ClusterRecords.ChangedMeanwhile e) {
                errors.reject("profile", "records.changedMeanwhile");
                typed.remove("version");
            }
        }
        response.setStatus(errors.has("profile") ? HttpStatus.CONFLICT.value()
                : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return show(user, clusterId, typed, errors, locale, model);
    }

    /** Where members pay their fees: named on every invoice the cluster sends. */
    @PostMapping("/dashboard/records/payment")
    public String savePayment(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                              @RequestParam(defaultValue = "") String payee,
                              @RequestParam(defaultValue = "") String payeeCode,
                              @RequestParam(defaultValue = "") String iban,
                              @RequestParam(defaultValue = "") String bank, Locale locale, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = coordinated(user, cluster);
        FieldErrors errors = new FieldErrors().addAll(PaymentDetails.problems(payee, payeeCode, iban));
        if (bank.length() > 200) {
            errors.reject("bank", "grant.error.tooLong");
        }
        if (errors.isEmpty()) {
            payments.save(clusterId, payee, payeeCode, iban, bank, user.id());
            redirect.addFlashAttribute("message", "records.saved");
            return "redirect:/dashboard/records?cluster=" + clusterId;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return show(user, clusterId, Map.of("payee", payee, "payeeCode", payeeCode, "iban", iban, "bank", bank),
                errors, locale, model);
    }

    private String show(CurrentUser user, String clusterId, Map<String, String> typed, FieldErrors errors,
                        Locale locale, Model model) {
        Quarter quarter = Quarter.of(AppClock.today());
        ClusterRecords.Profile profile = records.profile(clusterId).orElse(ClusterRecords.Profile.NONE);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("strategyAdopted", profile.strategyAdopted() == null ? "" : profile.strategyAdopted().toString());
        values.put("staffFte", profile.staffFte().stripTrailingZeros().toPlainString());
        values.put("workingGroups", String.valueOf(profile.workingGroups()));
        values.put("coalitions", String.valueOf(profile.coalitions()));
        values.put("version", String.valueOf(profile.version()));
        values.put("heldOn", AppClock.today().toString());
        values.put("participants", "0");
        payments.of(clusterId).ifPresent(account -> {
            values.put("payee", account.payee());
            values.put("payeeCode", account.payeeCode());
            values.put("iban", account.ibanPrinted());
            values.put("bank", account.bank() == null ? "" : account.bank());
        });
        model.addAttribute("paymentMissing", payments.of(clusterId).isEmpty());
        values.putAll(typed);
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusterName", directory.clusterName(clusterId));
        model.addAttribute("clusters", directory.clusters().stream().filter(c -> user.has(c.id(), Role.COORDINATOR))
                .toList());
        model.addAttribute("exports", records.exports(clusterId, quarter.minus(3).start(), quarter.end().plusYears(1)));
        model.addAttribute("planItems", records.planItems(clusterId));
        model.addAttribute("countries", Countries.all(locale));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("typed", values);
        model.addAttribute("errors", errors);
        return "dashboard/records";
    }

    private String coordinated(CurrentUser user, String cluster) {
        if (cluster != null && user.has(cluster, Role.COORDINATOR)) {
            return cluster;
        }
        if (cluster == null) {
            return user.clusterIds().stream().filter(c -> user.has(c, Role.COORDINATOR)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    private static void text(FieldErrors errors, String field, String value) {
        if (value.isBlank()) {
            errors.reject(field, "error.required");
        } else if (value.length() > 300) {
            errors.reject(field, "records.tooLong");
        }
    }


    private static Integer whole(FieldErrors errors, String field, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > 100_000) {
                errors.reject(field, "records.outOfRange");
            }
            return n;
        } catch (NumberFormatException e) {
            errors.reject(field, "error.integer");
            return null;
        }
    }
}
