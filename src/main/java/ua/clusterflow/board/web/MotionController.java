package ua.clusterflow.board.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.board.Motion;
import ua.clusterflow.board.MotionService;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.engine.FormDefinitions;
import ua.clusterflow.tasklist.web.FormRequests;

/** A question put to the board, on the board's own form. */
@Controller
public class MotionController {

    static final String PROPOSAL_FORM = "forms/board-motion/board-motion-proposal.form";

    private final MotionService motions;
    private final FormDefinitions forms;
    private final FormValidator validator;
    private final ClusterDirectory directory;

    public MotionController(MotionService motions, FormDefinitions forms, FormValidator validator,
                            ClusterDirectory directory) {
        this.motions = motions;
        this.forms = forms;
        this.validator = validator;
        this.directory = directory;
    }

    @GetMapping("/board/motions/new")
    public String initMotionForm(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster, Model model) {
        requireProposer(user, cluster);
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("closesOn", AppClock.today().plusDays(7));
        start.put("closesAtTime", "18:00");
        start.put("quorumPercent", 51);
        return show(cluster, FormSubmission.of(start), model);
    }

    @PostMapping("/board/motions/new")
    public String processMotionForm(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                                    HttpServletRequest request, HttpServletResponse response, Model model,
                                    RedirectAttributes redirect) {
        requireProposer(user, cluster);
        FormSubmission motion = FormRequests.validate(validator, forms.fromClasspath(PROPOSAL_FORM), request);
        motions.check(cluster, motion);
        if (motion.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(cluster, motion, model);
        }
        Motion proposed = motions.propose(user, cluster, motion);
        redirect.addFlashAttribute("message", "motion.proposed");
        return "redirect:/cases/" + proposed.businessKey();
    }

    private String show(String cluster, FormSubmission submission, Model model) {
        model.addAttribute("clusterId", cluster);
        model.addAttribute("clusterName", directory.clusterName(cluster));
        model.addAttribute("form", forms.fromClasspath(PROPOSAL_FORM));
        model.addAttribute("submission", submission);
        return "board/motion";
    }

    private void requireProposer(CurrentUser user, String cluster) {
        if (!motions.mayPropose(user, cluster)) {
            throw new ResponseStatusException(user.belongsTo(cluster) ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
        }
    }

}
