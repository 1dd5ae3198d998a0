package ua.clusterflow.export.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
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
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.export.ExportAction;
import ua.clusterflow.export.ExportActionRepository;
import ua.clusterflow.export.ExportActionService;
import ua.clusterflow.export.ExportApplication;

/**
 * Joint export actions for the people of a cluster: the list, the announcement by a coordinator or the export
 * marketing lead, and an action's page, where a member organisation's people apply while the call is open and the
 * staff see who applied.
 */
@Controller
public class ExportActionController {

    private final ExportActionService service;
    private final ExportActionRepository actions;
    private final ClusterDirectory directory;
    private final MemberOrganisationRepository organisations;

    public ExportActionController(ExportActionService service, ExportActionRepository actions,
                                  ClusterDirectory directory, MemberOrganisationRepository organisations) {
        this.service = service;
        this.actions = actions;
        this.directory = directory;
        this.organisations = organisations;
    }

    @GetMapping("/export-actions")
    public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<String> clusters = user.clusterIds();
        model.addAttribute("actions", actions.ofClusters(clusters, 200));
        model.addAttribute("announceIn", clusters.stream().filter(c -> ExportActionService.announces(user, c))
                .sorted().toList());
        model.addAttribute("clusterNames", directory.clusters(clusters));
        return "export/list";
    }

    @GetMapping("/export-actions/new")
    public String announceForm(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster, Model model) {
        announcer(user, cluster);
        return form(cluster, Map.of("kind", "TRADE_FAIR", "clusterCost", "0", "participantFee", "0"),
                new FieldErrors(), model);
    }

    @PostMapping("/export-actions/new")
    public String announce(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                           @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        announcer(user, cluster);
        Map<String, String> typed = typed(params, ExportActionService.FIELDS);
        FieldErrors errors = service.check(typed);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(cluster, typed, errors, model);
        }
        ExportAction action = service.announce(user, cluster, typed);
        redirect.addFlashAttribute("message", "export.announced");
        return "redirect:/export-actions/" + action.reference();
    }

    @GetMapping("/export-actions/{reference}")
    public String action(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference, Model model) {
        ExportAction action = visible(user, reference);
        return page(user, action, Map.of("readiness", "3"), new FieldErrors(), model);
    }

    @PostMapping("/export-actions/{reference}/apply")
    public String apply(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                        @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        ExportAction action = visible(user, reference);
        long organisation = speaksFor(user, action)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        Map<String, String> typed = typed(params, ExportActionService.APPLICATION_FIELDS);
        if (!action.open()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", "export.callClosed");
            return page(user, action, typed, new FieldErrors(), model);
        }
        FieldErrors errors = service.checkApplication(typed);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(user, action, typed, errors, model);
        }
        boolean added = service.apply(user, action, organisation, typed);
        redirect.addFlashAttribute("message", added ? "export.applied" : "export.appliedBefore");
        return "redirect:/export-actions/" + reference;
    }

    private String form(String cluster, Map<String, String> typed, FieldErrors errors, Model model) {
        model.addAttribute("clusterId", cluster);
        model.addAttribute("clusterName", directory.clusterName(cluster));
        model.addAttribute("kinds", ExportAction.Kind.values());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "export/new";
    }

    private String page(CurrentUser user, ExportAction action, Map<String, String> typed, FieldErrors errors,
                        Model model) {
        List<ExportApplication> applications = service.applications(action.id());
        Optional<Long> organisation = speaksFor(user, action);
        boolean staff = user.worksCasesOf(action.clusterId()) || ExportActionService.announces(user, action.clusterId());
        model.addAttribute("action", action);
        model.addAttribute("markets", action.markets().stream()
                .map(code -> Countries.name(code, LocaleContextHolder.getLocale()))
                .toList());
        model.addAttribute("staff", staff);
        model.addAttribute("applications", staff ? applications : List.of());
        model.addAttribute("own", organisation.flatMap(id -> applications.stream()
                .filter(a -> a.organisationId() == id).findFirst()).orElse(null));
        model.addAttribute("mayApply", organisation.isPresent() && action.open() && applications.stream()
                .noneMatch(a -> a.organisationId() == organisation.get()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "export/action";
    }

    /** The organisation of the action's cluster the person speaks for, if any. */
    private Optional<Long> speaksFor(CurrentUser user, ExportAction action) {
        return organisations.idsForContact(user.id()).stream()
                .filter(id -> action.clusterId().equals(organisations.clusterOf(id))).findFirst();
    }

    private ExportAction visible(CurrentUser user, String reference) {
        return actions.byReference(reference).filter(a -> user.belongsTo(a.clusterId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void announcer(CurrentUser user, String cluster) {
        if (!user.belongsTo(cluster)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!ExportActionService.announces(user, cluster)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static Map<String, String> typed(Map<String, String> params, Set<String> fields) {
        Map<String, String> typed = new HashMap<>();
        fields.forEach(f -> typed.put(f, params.getOrDefault(f, "")));
        return typed;
    }
}
