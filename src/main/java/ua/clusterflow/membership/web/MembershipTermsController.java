package ua.clusterflow.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.membership.MembershipTerms;
import ua.clusterflow.membership.Memberships;

/** A coordinator sets the cluster's membership terms: the renewal day, and the days to pay, of grace and of notice. */
@Controller
public class MembershipTermsController {

    private final Memberships memberships;
    private final ClusterDirectory directory;

    public MembershipTermsController(Memberships memberships, ClusterDirectory directory) {
        this.memberships = memberships;
        this.directory = directory;
    }

    @GetMapping("/members/terms")
    public String initTermsForm(@AuthenticationPrincipal CurrentUser user,
                                @RequestParam(defaultValue = "") String cluster, Model model) {
        String clusterId = user.clusterAsCoordinator(cluster);
        MembershipTerms terms = memberships.terms(clusterId);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("renewalDay", terms.renewalDay() == null ? ""
                : String.format("%02d.%02d", terms.renewalDay().getDayOfMonth(), terms.renewalDay().getMonthValue()));
        typed.put("paymentDays", String.valueOf(terms.paymentDays()));
        typed.put("graceDays", String.valueOf(terms.graceDays()));
        typed.put("noticeDays", String.valueOf(terms.noticeDays()));
        return terms(clusterId, model, typed, new FieldErrors());
    }

    @PostMapping("/members/terms")
    public String processTermsForm(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(defaultValue = "") String cluster,
                                   @RequestParam(defaultValue = "") String renewalDay,
                                   @RequestParam(defaultValue = "") String paymentDays,
                                   @RequestParam(defaultValue = "") String graceDays,
                                   @RequestParam(defaultValue = "") String noticeDays, Model model,
                                   HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = user.clusterAsCoordinator(cluster);
        FieldErrors errors = new FieldErrors();
        MonthDay day = null;
        if (!renewalDay.isBlank()) {
            String[] parts = renewalDay.trim().split("[./-]");
            try {
                day = MonthDay.of(Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
                if (day.getMonthValue() == 2 && day.getDayOfMonth() == 29) {
                    errors.reject("renewalDay", "membership.terms.renewalDay.invalid");
                }
            } catch (RuntimeException e) {
                errors.reject("renewalDay", "membership.terms.renewalDay.invalid");
            }
        }
        int payment = days(paymentDays, "paymentDays", errors);
        int grace = days(graceDays, "graceDays", errors);
        int notice = days(noticeDays, "noticeDays", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("renewalDay", renewalDay);
            typed.put("paymentDays", paymentDays);
            typed.put("graceDays", graceDays);
            typed.put("noticeDays", noticeDays);
            return terms(clusterId, model, typed, errors);
        }
        memberships.saveTerms(new MembershipTerms(clusterId, day, payment, grace, notice), user.id());
        redirect.addFlashAttribute("message", "membership.terms.saved");
        return "redirect:/members?cluster=" + clusterId;
    }

    private String terms(String clusterId, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusterName", directory.clusterName(clusterId));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "members/terms";
    }

    private static int days(String typed, String field, FieldErrors errors) {
        try {
            int days = Integer.parseInt(typed.trim());
            if (days >= 0 && days <= 365) {
                return days;
            }
        } catch (NumberFormatException e) {
            // explained next to the field
        }
        errors.reject(field, "membership.terms.days.invalid");
        return 0;
    }
}
