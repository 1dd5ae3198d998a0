package ua.clusterflow.shell;

import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;

/** For administrators: the steps that failed after all their retries, and a retry once the cause is fixed. */
@Controller
public class IncidentController {

    private final Incidents incidents;

    public IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/admin/incidents")
    public String incidents(Model model, Locale locale) {
        model.addAttribute("incidents", incidents.open(locale));
        return "admin/incidents";
    }

    @PostMapping("/admin/incidents/{id}/retry")
    public String retry(@PathVariable String id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        if (incidents.retry(id, me.id()).isPresent()) {
            redirect.addFlashAttribute("message", "admin.incident.retried");
        } else {
            redirect.addFlashAttribute("error", "admin.incident.gone");
        }
        return "redirect:/admin/incidents";
    }
}
