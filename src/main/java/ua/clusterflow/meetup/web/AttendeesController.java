package ua.clusterflow.meetup.web;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupRegistrations;
import ua.clusterflow.meetup.MeetupRepository;
import ua.clusterflow.meetup.MeetupService;

/** A meetup's guests as its coordinators work with them: the list, the spreadsheet, the door and the check-in. */
@Controller
public class AttendeesController {

    private final MeetupRegistrations registrations;
    private final MeetupRepository meetups;
    private final SignedLinks links;
    private final AttendeesWorkbook attendeesWorkbook;

    public AttendeesController(MeetupRegistrations registrations, MeetupRepository meetups, SignedLinks links,
                               AttendeesWorkbook attendeesWorkbook) {
        this.registrations = registrations;
        this.meetups = meetups;
        this.links = links;
        this.attendeesWorkbook = attendeesWorkbook;
    }

    /** Who registered, per mode and waiting, for the cluster's coordinators: the list they check guests in from. */
    @GetMapping("/meetups/{reference:MEE-\\d+}/attendees")
    public String attendees(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                            @RequestParam(defaultValue = "") String q, Model model) {
        Meetup meetup = coordinated(user, reference);
        List<MeetupRepository.Registration> all = registrations.attendees(meetup.id(), null);
        model.addAttribute("meetup", meetup);
        model.addAttribute("doorOpen", MeetupRegistrations.doorOpen(meetup));
        model.addAttribute("doorOpensOn", meetup.startsAt() == null ? null : MeetupRegistrations.doorOpensOn(meetup));
        model.addAttribute("q", q);
        model.addAttribute("shown", q.isBlank() ? all : registrations.attendees(meetup.id(), q));
        model.addAttribute("confirmed", all.stream().filter(r -> r.confirmed()).count());
        model.addAttribute("checkedIn", all.stream().filter(MeetupRepository.Registration::checkedIn).count());
        return "meetups/attendees";
    }

    /**
     * The page a guest's QR code opens on the coordinator's phone: who it is, their place, and one button to check them
     * in. Someone who does not run the meetup finds nothing here, and a damaged code is refused.
     */
    @GetMapping("/meetups/{reference:MEE-\\d+}/door/{token}")
    public String door(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                       @PathVariable String token, Model model) {
        Meetup meetup = coordinated(user, reference);
        long registrationId = Long.parseLong(links.verify(MeetupService.DOOR_LINK, token));
        MeetupRepository.Registration guest = meetups.registration(registrationId)
                .filter(r -> r.meetupId() == meetup.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("meetup", meetup);
        model.addAttribute("guest", guest);
        model.addAttribute("doorOpen", MeetupRegistrations.doorOpen(meetup));
        model.addAttribute("doorOpensOn", meetup.startsAt() == null ? null : MeetupRegistrations.doorOpensOn(meetup));
        return "meetups/door";
    }

    @GetMapping("/meetups/{reference:MEE-\\d+}/attendees.xlsx")
    public ResponseEntity<byte[]> attendeesWorkbook(@AuthenticationPrincipal CurrentUser user,
                                                    @PathVariable String reference, Locale locale) {
        Meetup meetup = coordinated(user, reference);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=attendees-" + reference + ".xlsx")
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(attendeesWorkbook.write(meetup, registrations.attendees(meetup.id(), null), locale));
    }

    @PostMapping("/meetups/{reference:MEE-\\d+}/attendees/{registrationId}/check-in")
    public String checkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                          @PathVariable long registrationId, @RequestParam(defaultValue = "") String q,
                          RedirectAttributes redirect) {
        Meetup meetup = coordinated(user, reference);
        switch (registrations.checkIn(meetup.id(), registrationId, user.id())) {
            case CHECKED_IN -> redirect.addFlashAttribute("message", "meetup.attendees.checkedInNow");
            case ALREADY -> redirect.addFlashAttribute("message", "meetup.attendees.checkedInBefore");
            case TOO_EARLY -> redirect.addFlashAttribute("error", "meetup.door.tooEarly");
        }
        if (!q.isBlank()) {
            redirect.addAttribute("q", q);
        }
        return "redirect:/meetups/" + reference + "/attendees";
    }

    /** A meetup the person coordinates; any other is not found for them. */
    private Meetup coordinated(CurrentUser user, String reference) {
        Meetup meetup = meetups.byReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!user.worksCasesOf(meetup.clusterId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return meetup;
    }
}
