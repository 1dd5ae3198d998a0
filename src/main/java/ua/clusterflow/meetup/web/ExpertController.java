package ua.clusterflow.meetup.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ua.clusterflow.base.LinkLanguage;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupRepository;
import ua.clusterflow.meetup.MeetupService;

/** An invited expert answers through the links in their mail; the answer is recorded once. */
@Controller
public class ExpertController {

    private final SignedLinks links;
    private final MeetupRepository meetups;
    private final MeetupService service;

    private final LinkLanguage language;

    public ExpertController(SignedLinks links, MeetupRepository meetups, MeetupService service,
                            LinkLanguage language) {
        this.language = language;
        this.links = links;
        this.meetups = meetups;
        this.service = service;
    }

    @GetMapping("/expert/{token}")
    public String initAnswer(@PathVariable String token, @RequestParam(defaultValue = "accept") String answer,
                             HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        MeetupRepository.Expert expert = expert(token);
        language.apply(request, response, expert.language());
        return show(token, expert, "decline".equals(answer) ? "decline" : "accept", null, model);
    }

    @PostMapping("/expert/{token}")
    public String processAnswer(@PathVariable String token, @RequestParam String answer, Model model) {
        MeetupRepository.Expert expert = expert(token);
        boolean recorded = service.answer(expert.id(), "accept".equals(answer));
        return show(token, meetups.expert(expert.id()).orElseThrow(), answer,
                recorded ? "meetup.expert.thanks." + ("accept".equals(answer) ? "accept" : "decline")
                        : "meetup.expert.answered", model);
    }

    private String show(String token, MeetupRepository.Expert expert, String answer, String message, Model model) {
        model.addAttribute("expert", expert);
        Meetup meetup = meetups.get(expert.meetupId());
        model.addAttribute("meetup", meetup);
        model.addAttribute("when", meetup.when());
        model.addAttribute("token", token);
        model.addAttribute("answer", answer);
        model.addAttribute("done", message);
        return "meetups/expert";
    }

    private MeetupRepository.Expert expert(String token) {
        long id = Long.parseLong(links.verify(MeetupService.EXPERT_LINK, token));
        return meetups.expert(id).orElseThrow(() -> new SignedLinks.InvalidLinkException(SignedLinks.Problem.INVALID));
    }
}
