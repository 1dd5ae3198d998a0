package ua.clusterflow.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.followup.FollowUp;
import ua.clusterflow.followup.FollowUpRepository;
import ua.clusterflow.followup.FollowUpService;

/** The cluster's follow-ups, and a new one given to an owner from a case or an introduction. */
@Controller
public class FollowUpController {

    private final FollowUpService followUps;
    private final FollowUpRepository repository;
    private final ClusterDirectory directory;

    public FollowUpController(FollowUpService followUps, FollowUpRepository repository, ClusterDirectory directory) {
        this.followUps = followUps;
        this.repository = repository;
        this.directory = directory;
    }

    @GetMapping("/follow-ups")
    public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<String> clusters = user.clusterIds().stream().filter(user::worksCasesOf).toList();
        if (clusters.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<FollowUp> all = repository.ofClusters(clusters);
        model.addAttribute("followUps", all);
        model.addAttribute("names", all.stream().map(FollowUp::owner).distinct()
                .collect(Collectors.toMap(id -> id, directory::displayName)));
        model.addAttribute("today", AppClock.today());
        return "followups/list";
    }

    @GetMapping("/follow-ups/new")
    public String initFollowUpForm(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(name = "case", required = false) String caseKey,
                                   @RequestParam(required = false) Long introduction,
                                   @RequestParam(defaultValue = "") String action, Model model) {
        FollowUpService.Source source = source(user, caseKey, introduction);
        return show(source, new FieldErrors(), Map.of("action", action), model);
    }

    @PostMapping("/follow-ups/new")
    public String processFollowUpForm(@AuthenticationPrincipal CurrentUser user,
                                      @RequestParam(name = "case", required = false) String caseKey,
                                      @RequestParam(required = false) Long introduction,
                                      @RequestParam Map<String, String> typed, HttpServletResponse response,
                                      Model model, RedirectAttributes redirect) {
        FollowUpService.Source source = source(user, caseKey, introduction);
        LocalDate dueOn = date(typed.get("dueOn"));
        FieldErrors errors = followUps.check(source, typed.get("action"), typed.get("owner"), dueOn);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(source, errors, typed, model);
        }
        FollowUp agreed = followUps.agree(user, source, typed.get("action"), typed.get("owner"), dueOn);
        redirect.addFlashAttribute("message", "followup.agreed");
        return "redirect:/cases/" + agreed.businessKey();
    }

    private String show(FollowUpService.Source source, FieldErrors errors, Map<String, String> typed, Model model) {
        model.addAttribute("source", source);
        model.addAttribute("agreed", followUps.agreedActions(source));
        model.addAttribute("people", followUps.possibleOwners(source.clusterId()));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("defaultDue", AppClock.today().plusDays(14));
        return "followups/new";
    }

    /** The case or introduction named, if this person works its cluster's cases; else nothing to follow up. */
    private FollowUpService.Source source(CurrentUser user, String caseKey, Long introduction) {
        return (caseKey != null ? followUps.caseSource(user, caseKey)
                : introduction != null ? followUps.introductionSource(user, introduction)
                : Optional.<FollowUpService.Source>empty())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static LocalDate date(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
