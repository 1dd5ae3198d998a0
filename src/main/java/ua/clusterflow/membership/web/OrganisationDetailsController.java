package ua.clusterflow.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
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
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.membership.MemberSheet;
import ua.clusterflow.membership.OrganisationDetails;
import ua.clusterflow.membership.OrganisationMerge;

/**
 * A coordinator corrects what the register says about a member (its name, code, category, region and size) and
 * merges two records of one organisation.
 */
@Controller
public class OrganisationDetailsController {

    private final MemberOrganisationRepository organisations;
    private final OrganisationDetails details;
    private final OrganisationMerge merge;

    public OrganisationDetailsController(MemberOrganisationRepository organisations, OrganisationDetails details,
                                         OrganisationMerge merge) {
        this.organisations = organisations;
        this.details = details;
        this.merge = merge;
    }

    @GetMapping("/members/{id}/merge")
    public String initMergeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return mergeForm(coordinated(user, id), new FieldErrors(), Map.of(), model);
    }

    /** Another record of the same organisation merged into this one, which is kept. */
    @PostMapping("/members/{id}/merge")
    public String processMergeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                   @RequestParam(defaultValue = "0") long other,
                                   @RequestParam(defaultValue = "") String reason, Model model,
                                   HttpServletResponse response, RedirectAttributes redirect) {
        MemberOrganisation kept = coordinated(user, id);
        MemberOrganisation gone = organisations.find(other).filter(o -> o.clusterId().equals(kept.clusterId()))
                .orElse(null);
        FieldErrors errors = merge.check(kept, gone, reason);
        if (errors.isEmpty() && !merge.merge(kept, gone, reason, user.id())) {
            errors = merge.check(kept, gone, reason);
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return mergeForm(kept, errors, Map.of("other", String.valueOf(other), "reason", reason), model);
        }
        redirect.addFlashAttribute("message", "members.merge.done");
        redirect.addFlashAttribute("messageArgs", new Object[] {gone.name()});
        return "redirect:/members/" + id;
    }

    private String mergeForm(MemberOrganisation kept, FieldErrors errors, Map<String, String> typed, Model model) {
        model.addAttribute("organisation", kept);
        model.addAttribute("others", organisations.ofCluster(kept.clusterId()).stream()
                .filter(o -> o.id() != kept.id()).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "members/merge";
    }

    @GetMapping("/members/{id}/details")
    public String initDetailsForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        MemberOrganisation org = coordinated(user, id);
        return form(org, OrganisationDetails.typed(org), OrganisationDetails.typed(org), Map.of(), new FieldErrors(),
                model);
    }

    @PostMapping("/members/{id}/details")
    public String processDetailsForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                     @RequestParam Map<String, String> params,
                                     @RequestParam(name = "sectors", required = false) List<String> sectors, Model model,
                                     HttpServletResponse response, RedirectAttributes redirect) {
        MemberOrganisation org = coordinated(user, id);
        Map<String, String> typed = new HashMap<>();
        Map<String, String> was = new HashMap<>();
        for (String field : OrganisationDetails.FIELDS) {
            typed.put(field, params.getOrDefault(field, ""));
            if (params.containsKey("was." + field)) {
                was.put(field, params.get("was." + field));
            }
        }
        // the sectors ticked, each a value of its own
        typed.put("sectors", sectors == null ? "" : String.join(",", sectors));
        typed.put("reason", params.getOrDefault("reason", ""));
        // another coordinator's change since this form was read is shown beside the typed values, never overwritten
        Map<String, String> meanwhile = OrganisationDetails.changedMeanwhile(org, was);
        if (!meanwhile.isEmpty()) {
            return clash(org, typed, meanwhile, model, response);
        }
        FieldErrors errors = details.check(org, typed);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(org, typed, was, Map.of(), errors, model);
        }
        if (!details.save(org, typed, user.id())) {
            MemberOrganisation now = coordinated(user, id);
            return clash(now, typed, OrganisationDetails.changedMeanwhile(now, OrganisationDetails.typed(org)), model,
                    response);
        }
        redirect.addFlashAttribute("message", "members.details.saved");
        return "redirect:/members/" + id;
    }

    private String clash(MemberOrganisation now, Map<String, String> typed, Map<String, String> meanwhile, Model model,
                         HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("error", "members.details.clash");
        return form(now, typed, OrganisationDetails.typed(now), meanwhile, new FieldErrors(), model);
    }

    private String form(MemberOrganisation org, Map<String, String> typed, Map<String, String> was,
                        Map<String, String> meanwhile, FieldErrors errors, Model model) {
        model.addAttribute("organisation", org);
        model.addAttribute("typed", typed);
        model.addAttribute("was", was);
        model.addAttribute("meanwhile", meanwhile);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", MemberSheet.CATEGORIES);
        model.addAttribute("sectors", OrganisationDetails.SECTORS);
        model.addAttribute("ticked", OrganisationDetails.sectors(typed.get("sectors")));
        return "members/details";
    }

    /** The register's facts are the coordinators' to correct; to anyone else the page does not exist. */
    private MemberOrganisation coordinated(CurrentUser user, long id) {
        return organisations.find(id).filter(o -> user.has(o.clusterId(), Role.COORDINATOR))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
