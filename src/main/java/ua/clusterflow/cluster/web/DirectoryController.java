package ua.clusterflow.cluster.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
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
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;

/** The member directory across a person's clusters, each member's own profile, and introductions. */
@Controller
public class DirectoryController {

    private static final List<String> SECTORS = List.of("engineering", "automation", "machinebuilding", "it", "other");

    private final MemberDirectory members;
    private final MemberOrganisationRepository organisations;
    private final ClusterDirectory directory;

    public DirectoryController(MemberDirectory members, MemberOrganisationRepository organisations,
                               ClusterDirectory directory) {
        this.members = members;
        this.organisations = organisations;
        this.directory = directory;
    }

    @GetMapping("/directory")
    public String directory(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                            @RequestParam(defaultValue = "") String category,
                            @RequestParam(defaultValue = "") String sector,
                            @RequestParam(defaultValue = "") String region,
                            @RequestParam(defaultValue = "") String cluster, Model model) {
        MemberDirectory.Filter filter = new MemberDirectory.Filter(q, category, sector, region, cluster);
        model.addAttribute("filter", filter);
        model.addAttribute("organisations", members.search(user.clusterIds(), filter));
        model.addAttribute("sectors", SECTORS);
        model.addAttribute("clusters", directory.clusters(user.clusterIds()));
        return "directory/list";
    }

    @GetMapping("/directory/{id}")
    public String organisation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        MemberOrganisation organisation = visible(user, id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("clusterName", directory.clusterName(organisation.clusterId()));
        boolean staff = user.worksCasesOf(organisation.clusterId());
        model.addAttribute("staff", staff);
        model.addAttribute("matches", staff ? members.matches(organisation, user.clusterIds()) : List.of());
        return "directory/organisation";
    }

    @PostMapping("/directory/{needId}/introduce/{offerId}")
    public String introduce(@AuthenticationPrincipal CurrentUser user, @PathVariable long needId,
                            @PathVariable long offerId, RedirectAttributes redirect) {
        MemberOrganisation need = visible(user, needId);
        MemberOrganisation offer = visible(user, offerId);
        if (!user.worksCasesOf(need.clusterId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        members.introduce(user.id(), need, offer);
        redirect.addFlashAttribute("message", "directory.introduced");
        return "redirect:/directory/" + needId;
    }

    @GetMapping("/profile")
    public String initProfileForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        MemberOrganisation own = own(user);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("sectors", own.sectors());
        typed.put("headcount", String.valueOf(own.headcount()));
        typed.put("region", own.region());
        typed.put("offers", own.offers());
        typed.put("needs", own.needs());
        return showProfile(own, typed, Map.of(), model);
    }

    @PostMapping("/profile")
    public String processProfileForm(@AuthenticationPrincipal CurrentUser user,
                                     @RequestParam(required = false) List<String> sectors,
                                     @RequestParam(defaultValue = "") String headcount,
                                     @RequestParam(defaultValue = "") String region,
                                     @RequestParam(defaultValue = "") String offers,
                                     @RequestParam(defaultValue = "") String needs, Model model,
                                     HttpServletResponse response, RedirectAttributes redirect) {
        MemberOrganisation own = own(user);
        List<String> chosen = sectors == null ? List.of() : sectors.stream().filter(SECTORS::contains).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        Integer people = null;
        try {
            people = Integer.valueOf(headcount.trim());
        } catch (NumberFormatException e) {
            errors.put("headcount", "error.integer");
        }
        if (people != null && (people < 1 || people > 1_000_000)) {
            errors.put("headcount", "error.min");
        }
        if (chosen.isEmpty()) {
            errors.put("sectors", "error.required");
        }
        if (region.isBlank()) {
            errors.put("region", "error.required");
        }
        if (offers.isBlank() || offers.length() > 4000) {
            errors.put("offers", "error.required");
        }
        if (needs.isBlank() || needs.length() > 4000) {
            errors.put("needs", "error.required");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("sectors", String.join(",", chosen));
            typed.put("headcount", headcount);
            typed.put("region", region);
            typed.put("offers", offers);
            typed.put("needs", needs);
            return showProfile(own, typed, errors, model);
        }
        organisations.updateProfile(own.id(), String.join(",", chosen), people, region.trim(), offers.trim(), needs.trim());
        redirect.addFlashAttribute("message", "directory.profileSaved");
        return "redirect:/directory/" + own.id();
    }

    private String showProfile(MemberOrganisation own, Map<String, String> typed, Map<String, String> errors,
                               Model model) {
        model.addAttribute("organisation", own);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("sectors", SECTORS);
        return "directory/profile";
    }

    private MemberOrganisation visible(CurrentUser user, long id) {
        return members.organisation(id).filter(o -> user.belongsTo(o.clusterId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private MemberOrganisation own(CurrentUser user) {
        return organisations.idsForContact(user.id()).stream().findFirst().flatMap(members::organisation)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
