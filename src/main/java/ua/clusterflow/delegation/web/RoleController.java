package ua.clusterflow.delegation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.delegation.BoardRole;
import ua.clusterflow.delegation.RoleDelegationService;
import ua.clusterflow.delegation.RoleRegistry;
import ua.clusterflow.delegation.RoleStatus;
import ua.clusterflow.delegation.RoleTerm;

/** The role registry of a cluster, visible to its members; proposals and revocations by the chair or a coordinator. */
@Controller
public class RoleController {

    /** A role with its current holder and those before. */
    public record RegistryEntry(BoardRole role, RoleTerm current, String currentName, List<RoleTerm> past,
                                Map<String, String> names) {
    }

    private final RoleRegistry registry;
    private final RoleDelegationService roles;
    private final ClusterDirectory directory;

    public RoleController(RoleRegistry registry, RoleDelegationService roles, ClusterDirectory directory) {
        this.registry = registry;
        this.roles = roles;
        this.directory = directory;
    }

    @GetMapping("/roles")
    public String registry(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cluster,
                           Model model) {
        String clusterId = cluster(user, cluster);
        List<RoleTerm> terms = registry.ofCluster(clusterId);
        List<RegistryEntry> entries = registry.catalogue(clusterId).stream().map(role -> {
            List<RoleTerm> ofRole = terms.stream().filter(t -> t.roleCode().equals(role.code())).toList();
            RoleTerm current = ofRole.stream().filter(RoleTerm::active).findFirst().orElse(null);
            List<RoleTerm> past = ofRole.stream().filter(t -> RoleStatus.ENDED.name().equals(t.status())
                            || RoleStatus.REVOKED.name().equals(t.status()))
                    .toList();
            Map<String, String> names = new LinkedHashMap<>();
            ofRole.forEach(t -> names.putIfAbsent(t.holder(), directory.displayName(t.holder())));
            return new RegistryEntry(role, current, current == null ? null : names.get(current.holder()), past, names);
        }).toList();
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusters", directory.clusters(user.clusterIds()));
        model.addAttribute("entries", entries);
        model.addAttribute("mayPropose", roles.mayPropose(user, clusterId));
        return "roles/registry";
    }

    @GetMapping("/roles/propose")
    public String initProposalForm(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                                   Model model) {
        requireProposer(user, cluster);
        return showForm(cluster, new FieldErrors(), Map.of(), model);
    }

    @PostMapping("/roles/propose")
    public String processProposalForm(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                                      @RequestParam Map<String, String> typed, HttpServletResponse response,
                                      Model model, RedirectAttributes redirect) {
        requireProposer(user, cluster);
        RoleDelegationService.Proposal proposal = new RoleDelegationService.Proposal(cluster, typed.get("roleCode"),
                typed.get("nominee"), typed.get("responsibilities"), typed.get("expectedResults"),
                number(typed.get("hoursPerMonth")), date(typed.get("termStart")), date(typed.get("termEnd")));
        FieldErrors errors = roles.check(proposal);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showForm(cluster, errors, typed, model);
        }
        RoleTerm term = roles.propose(user.id(), proposal);
        redirect.addFlashAttribute("message", "role.proposed");
        return "redirect:/cases/" + term.businessKey();
    }

    @PostMapping("/roles/{businessKey}/revoke")
    public String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable String businessKey,
                         RedirectAttributes redirect) {
        try {
            roles.requestRevocation(user, businessKey);
            redirect.addFlashAttribute("message", "role.revocationRequested");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "role.notRevocable");
        }
        return "redirect:/cases/" + businessKey;
    }

    private String showForm(String cluster, FieldErrors errors, Map<String, String> typed, Model model) {
        model.addAttribute("clusterId", cluster);
        model.addAttribute("catalogue", registry.catalogue(cluster));
        model.addAttribute("people", directory.peopleOfCluster(cluster));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "roles/propose";
    }

    private void requireProposer(CurrentUser user, String cluster) {
        if (!roles.mayPropose(user, cluster)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static String cluster(CurrentUser user, String requested) {
        if (requested != null && user.belongsTo(requested)) {
            return requested;
        }
        if (user.clusterIds().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return user.clusterIds().get(0);
    }

    private static Integer number(String typed) {
        try {
            return typed == null ? null : Integer.valueOf(typed.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
