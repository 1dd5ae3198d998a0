package ua.clusterflow.cluster.web;

import java.util.List;
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

/** The member directory across a person's clusters, each member's page, and introductions. */
@Controller
public class DirectoryController {

    private static final List<String> SECTORS = List.of("engineering", "automation", "machinebuilding", "it", "other");

    private final MemberDirectory members;
    private final ClusterDirectory directory;

    public DirectoryController(MemberDirectory members, ClusterDirectory directory) {
        this.members = members;
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
        model.addAttribute("introductions", staff ? members.introductionsOf(organisation.id()) : List.of());
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
        List<String> mailed = members.introduce(user.id(), need, offer);
        // say who was mailed: an organisation without a contact person gets no mail
        if (mailed.size() == 2) {
            redirect.addFlashAttribute("message", "directory.introduced");
        } else {
            redirect.addFlashAttribute("message", mailed.isEmpty() ? "directory.introducedNone" : "directory.introducedOne");
            redirect.addFlashAttribute("messageArgs", new Object[] {mailed.isEmpty() ? "" : mailed.get(0),
                    mailed.contains(need.name()) ? offer.name() : need.name()});
        }
        return "redirect:/directory/" + needId;
    }

    private MemberOrganisation visible(CurrentUser user, long id) {
        return members.organisation(id).filter(o -> user.belongsTo(o.clusterId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
