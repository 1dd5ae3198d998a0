package ua.clusterflow.cluster.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import ua.clusterflow.cluster.ClusterAdminService;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.StaffService;

/** A coordinator runs the cluster's own staff and board: invitations, roles, and someone who left. */
@Controller
public class StaffController {

    private final StaffService staff;
    private final ClusterDirectory directory;
    private final ClusterAdminService admin;

    public StaffController(StaffService staff, ClusterDirectory directory, ClusterAdminService admin) {
        this.admin = admin;
        this.staff = staff;
        this.directory = directory;
    }

    @GetMapping("/staff")
    public String initInviteForm(@AuthenticationPrincipal CurrentUser user,
                                 @RequestParam(defaultValue = "") String cluster, Model model) {
        return page(user.clusterAsCoordinator(cluster), model, new FieldErrors(), Map.of(), EnumSet.noneOf(Role.class));
    }

    @PostMapping("/staff")
    public String processInviteForm(@AuthenticationPrincipal CurrentUser user,
                                    @RequestParam(defaultValue = "") String cluster,
                                    @RequestParam(defaultValue = "") String firstName,
                                    @RequestParam(defaultValue = "") String lastName,
                                    @RequestParam(defaultValue = "") String email,
                                    @RequestParam(defaultValue = "uk") String language,
                                    @RequestParam(required = false) List<String> roles, Model model,
                                    HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = user.clusterAsCoordinator(cluster);
        Set<Role> chosen = roles(roles);
        FieldErrors errors = new FieldErrors().addAll(admin.checkContact(firstName, lastName, email));
        if (chosen.isEmpty()) {
            errors.reject("roles", "admin.person.roles.required");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(clusterId, model, errors, Map.of("firstName", firstName, "lastName", lastName, "email", email,
                    "language", language), chosen);
        }
        staff.invite(clusterId, firstName, lastName, email, language, chosen);
        redirect.addFlashAttribute("message", "staff.invited");
        return "redirect:/staff?cluster=" + clusterId;
    }

    @PostMapping("/staff/{userId}/roles")
    public String changeRoles(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId,
                              @RequestParam(defaultValue = "") String cluster,
                              @RequestParam(required = false) List<String> roles, RedirectAttributes redirect) {
        String clusterId = user.clusterAsCoordinator(cluster);
        staffMember(clusterId, userId);
        boolean changed = staff.setRoles(clusterId, userId, roles(roles));
        redirect.addFlashAttribute(changed ? "message" : "error", changed ? "staff.rolesChanged" : "staff.rolesRefused");
        return "redirect:/staff?cluster=" + clusterId;
    }

    @GetMapping("/staff/{userId}/leave")
    public String initLeaveForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId,
                                @RequestParam(defaultValue = "") String cluster, Model model) {
        String clusterId = user.clusterAsCoordinator(cluster);
        return leavePage(clusterId, userId, model, null);
    }

    @PostMapping("/staff/{userId}/leave")
    public String processLeaveForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId,
                                   @RequestParam(defaultValue = "") String cluster,
                                   @RequestParam(defaultValue = "") String colleague, Model model,
                                   HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = user.clusterAsCoordinator(cluster);
        staffMember(clusterId, userId);
        int handed = colleague.isBlank() ? -1 : staff.leave(clusterId, userId, colleague);
        if (handed < 0) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return leavePage(clusterId, userId, model, colleague.isBlank() ? "staff.leave.noColleague"
                    : "staff.leave.refused");
        }
        redirect.addFlashAttribute("message", "staff.left");
        redirect.addFlashAttribute("messageArgs", new Object[] {directory.displayName(userId), handed,
                directory.displayName(colleague)});
        return "redirect:/staff?cluster=" + clusterId;
    }

    private String leavePage(String clusterId, String userId, Model model, String error) {
        StaffService.StaffMember leaving = staffMember(clusterId, userId);
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusterName", directory.clusterName(clusterId));
        model.addAttribute("leaving", leaving);
        model.addAttribute("tasks", staff.openTasks(clusterId, userId));
        model.addAttribute("colleagues", staff.staff(clusterId).stream()
                .filter(s -> !s.person().id().equals(userId)).toList());
        model.addAttribute("errors", error == null ? new FieldErrors() : new FieldErrors().reject("colleague", error));
        return "cluster/staff-leave";
    }

    private String page(String clusterId, Model model, FieldErrors errors, Map<String, String> typed,
                        Set<Role> chosen) {
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusterName", directory.clusterName(clusterId));
        model.addAttribute("staff", staff.staff(clusterId));
        model.addAttribute("roles", StaffService.STAFF_ROLES);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("chosen", chosen);
        return "cluster/staff";
    }

    private StaffService.StaffMember staffMember(String clusterId, String userId) {
        return staff.member(clusterId, userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Set<Role> roles(List<String> roles) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            StaffService.STAFF_ROLES.stream().filter(r -> roles.contains(r.name())).forEach(chosen::add);
        }
        return chosen;
    }
}
