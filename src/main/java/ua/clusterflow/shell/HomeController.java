package ua.clusterflow.shell;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.ClusterDirectory;

@Controller
public class HomeController {

    private final ClusterDirectory directory;

    public HomeController(ClusterDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user != null) {
            // a member's contact starts at their organisation's page: its status, dues and people, not an empty case list
            return user.isStaffAnywhere() ? "redirect:/tasks"
                    : user.isMemberAnywhere() ? "redirect:/my-organisation" : "redirect:/cases";
        }
        model.addAttribute("clusters", directory.clusters());
        return "home";
    }

    /** The login page; its notices come from message keys, and a wait is shown only as a number of minutes. */
    @GetMapping("/login")
    public String login(@RequestParam(required = false) String throttled,
                        Model model) {
        if (throttled != null && throttled.matches("[0-9]{1,3}")) {
            model.addAttribute("throttledMinutes", Integer.parseInt(throttled));
        }
        return "login";
    }
}
