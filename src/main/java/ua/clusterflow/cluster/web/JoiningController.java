package ua.clusterflow.cluster.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.Joinings;

/** What others asked of the signed-in person (a cluster's role, a place among an organisation's people), to answer. */
@Controller
public class JoiningController {

    private final Joinings joinings;

    public JoiningController(Joinings joinings) {
        this.joinings = joinings;
    }

    @GetMapping("/joining")
    public String initAnswerForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("joinings", joinings.open(user.id()));
        return "cluster/joining";
    }

    @PostMapping("/joining/{id}")
    public String processAnswerForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                    @RequestParam(defaultValue = "") String answer, RedirectAttributes redirect) {
        boolean accepted = "accept".equals(answer);
        boolean answered = joinings.answer(user.id(), id, accepted);
        redirect.addFlashAttribute(answered ? "message" : "error",
                answered ? (accepted ? "joining.accepted" : "joining.declined") : "joining.gone");
        return "redirect:/joining";
    }
}
