package ua.clusterflow.cluster.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.cluster.ClusterAdminService;
import ua.clusterflow.cluster.ClusterDirectory;

/** A new person sets their password from the invitation link; a link works once. */
@Controller
public class InvitationController {

    private static final String PASSWORD_SET = "passwordSet";

    private final SignedLinks links;
    private final ClusterDirectory directory;

    public InvitationController(SignedLinks links, ClusterDirectory directory) {
        this.links = links;
        this.directory = directory;
    }

    @GetMapping("/invitation/{token}")
    public String initPasswordForm(@PathVariable String token, Model model) {
        String userId = links.verify(ClusterAdminService.INVITATION_LINK, token);
        if (directory.hasInfo(userId, PASSWORD_SET)) {
            return "redirect:/login?invitationUsed";
        }
        return PasswordForm.show(model, userId, "/invitation/" + token, null);
    }

    @PostMapping("/invitation/{token}")
    @Transactional
    public String processPasswordForm(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                                      @RequestParam(defaultValue = "") String repeat, Model model,
                                      HttpServletResponse response, RedirectAttributes redirect) {
        String userId = links.verify(ClusterAdminService.INVITATION_LINK, token);
        if (directory.hasInfo(userId, PASSWORD_SET)) {
            return "redirect:/login?invitationUsed";
        }
        String error = PasswordForm.problem(password, repeat);
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return PasswordForm.show(model, userId, "/invitation/" + token, error);
        }
        directory.setPassword(userId, password);
        directory.setInfo(userId, PASSWORD_SET, "true");
        redirect.addAttribute("welcome", "");
        redirect.addAttribute("user", userId);
        return "redirect:/login";
    }
}
