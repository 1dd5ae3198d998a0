package ua.clusterflow.meetup.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
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
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.LinkLanguage;
import ua.clusterflow.base.OneAtATime;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupCases;
import ua.clusterflow.meetup.MeetupMails;
import ua.clusterflow.meetup.MeetupRegistrations;
import ua.clusterflow.meetup.MeetupRepository;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.meetup.MeetupStatus;
import ua.clusterflow.meetup.RegistrationStatus;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.engine.FormDefinitions;
import ua.clusterflow.tasklist.web.FormRequests;

/** Meetups: the cluster's list, topic proposals, the public page with registration, and cancellation. */
@Controller
public class MeetupController {

    private final OneAtATime places = new OneAtATime(Duration.ofSeconds(30));

    static final String PLAN_FORM = "forms/tech-meetup/tech-meetup-plan.form";
    static final List<String> CHANGE_FIELDS = List.of("meetupDate", "startTime", "durationHours", "venue", "onlineLink");

    private final MeetupService service;
    private final MeetupRegistrations registrations;
    private final MeetupRepository meetups;
    private final ClusterDirectory directory;
    private final FormDefinitions forms;
    private final FormValidator validator;
    private final SignedLinks links;
    private final MemberOrganisationRepository organisations;
    private final LinkLanguage language;
    private final MeetupMails mails;

    public MeetupController(MeetupService service, MeetupRegistrations registrations,
                            MeetupRepository meetups, ClusterDirectory directory,
                            FormDefinitions forms, FormValidator validator,
                            SignedLinks links, MemberOrganisationRepository organisations,
                            LinkLanguage language, MeetupMails mails) {
        this.language = language;
        this.mails = mails;
        this.organisations = organisations;
        this.registrations = registrations;
        this.service = service;
        this.meetups = meetups;
        this.directory = directory;
        this.forms = forms;
        this.validator = validator;
        this.links = links;
    }

    @GetMapping("/meetups")
    public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<Meetup> all = meetups.ofClusters(user.clusterIds());
        Instant now = AppClock.now();
        model.addAttribute("upcoming", all.stream().filter(m -> !m.status().closed()
                && (m.startsAt() == null || m.startsAt().isAfter(now)))
                .sorted(Comparator.comparing(m -> m.startsAt() == null ? Instant.MAX : m.startsAt())).toList());
        model.addAttribute("past", all.stream().filter(m -> m.status().closed()
                || (m.startsAt() != null && !m.startsAt().isAfter(now))).toList());
        model.addAttribute("clusters", directory.clusters(user.clusterIds()));
        model.addAttribute("canApply", !organisations.idsForContact(user.id()).isEmpty());
        model.addAttribute("links", links(user, all));
        return "meetups/list";
    }

    /**
     * Where each meetup's title leads: the case to the staff and to whoever proposed it, the public page to other
     * members once it is announced, nowhere before that (a link that ends in "not found" is no link).
     */
    private Map<String, String> links(CurrentUser user, List<Meetup> all) {
        Map<String, String> links = new HashMap<>();
        for (Meetup m : all) {
            if (user.administrator() || user.worksCasesOf(m.clusterId()) || user.id().equals(m.proposedBy())) {
                links.put(m.reference(), "/cases/" + m.reference());
            } else if (PUBLIC.contains(m.status())
                    || (m.status() == MeetupStatus.CANCELLED && meetups.wasAnnounced(m.reference()))) {
                links.put(m.reference(), "/meetups/" + m.reference());
            }
        }
        return links;
    }

    /** A new topic; {@code from} a reported meetup, its segment and follow-up actions start the proposal. */
    @GetMapping("/meetups/propose")
    public String initProposalForm(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                                   @RequestParam(required = false) String from, Model model) {
        member(user, cluster);
        FormSubmission start = meetups.byReference(from == null ? "" : from)
                .filter(m -> m.clusterId().equals(cluster) && m.status() == MeetupStatus.REPORTED)
                .map(m -> FormSubmission.of(Map.of("segment", m.segment(), "challenge",
                        m.reference() + ": " + (m.followUps() == null ? m.challenge() : m.followUps()),
                        "format", m.format())))
                .orElse(FormSubmission.empty());
        return showProposal(cluster, start, model);
    }

    @PostMapping("/meetups/propose")
    public String processProposalForm(@AuthenticationPrincipal CurrentUser user, @RequestParam String cluster,
                                      HttpServletRequest request, HttpServletResponse response, Model model) {
        member(user, cluster);
        FormSubmission form = FormRequests.validate(validator, proposalForm(), request);
        if (form.values().get("windowFrom") instanceof LocalDate from && form.values().get("windowTo") instanceof LocalDate to
                && (to.isBefore(from) || from.isBefore(AppClock.today()))) {
            form.reject("windowTo", "meetup.error.window");
        }
        if (form.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showProposal(cluster, form, model);
        }
        return "redirect:/cases/" + service.propose(cluster, user.id(), form).reference();
    }

    @PostMapping("/meetups/{reference}/cancel")
    public String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                         RedirectAttributes redirect) {
        Meetup meetup = meetups.byReference(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!user.worksCasesOf(meetup.clusterId()) || meetup.status().closed()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        service.cancel(reference);
        redirect.addFlashAttribute("message", "meetup.cancelled");
        return "redirect:/cases/" + reference;
    }

    /** The public page: what, when and where, places left, and the registration form. */
    @GetMapping("/meetups/{reference:MEE-\\d+}")
    public String page(@PathVariable String reference, Model model) {
        return showPage(announced(reference), Map.of(), null, model);
    }

    @PostMapping("/meetups/{reference:MEE-\\d+}/register")
    public String register(@PathVariable String reference, @RequestParam(defaultValue = "") String name,
                           @RequestParam(defaultValue = "") String organisation,
                           @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String mode,
                           @RequestParam(defaultValue = "") String consent,
                           Locale locale, HttpServletResponse response, Model model,
                           RedirectAttributes redirect) {
        Meetup meetup = announced(reference);
        Map<String, String> typed = Map.of("name", name, "organisation", organisation, "email", email, "mode", mode,
                "consent", consent);
        FieldErrors errors = new FieldErrors();
        if (name.isBlank()) {
            errors.reject("name", "error.required");
        } else if (name.length() > 200) {
            errors.reject("name", "error.maxLength", 200);
        } else if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || email.length() > 200) {
            errors.reject("email", "error.email");
        }
        // the registration is kept only with the guest's consent; its time is when it was given
        if (!"true".equals(consent)) {
            errors.reject("consent", "meetup.error.consent");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", errors);
            return showPage(meetup, typed, null, model);
        }
        // a burst of guests queues on this node before it takes a connection, not behind the meetup's row lock
        MeetupRegistrations.RegistrationResult result = places.run(reference, () -> registrations.register(reference,
                name.trim(), organisation.isBlank() ? null : organisation.trim(), email.trim().toLowerCase(), mode,
                "en".equals(locale.getLanguage()) ? "en" : "uk"));
        if (!result.accepted()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showPage(meetups.get(meetup.id()), typed, result.problem(), model);
        }
        redirect.addFlashAttribute("message", "meetup.registered." + result.status());
        return "redirect:/meetups/" + reference;
    }

    /** A new date, time or place for an announced meetup, from its coordinator: guests get the updated entry. */
    @GetMapping("/meetups/{reference:MEE-\\d+}/change")
    public String initChangeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                                 Model model) {
        Meetup meetup = coordinated(user, reference);
        Map<String, Object> plan = new HashMap<>();
        if (meetup.startsAt() != null) {
            ZonedDateTime starts = meetup.startsAt().atZone(AppClock.KYIV);
            plan.put("meetupDate", starts.toLocalDate());
            plan.put("startTime", starts.toLocalTime().toString());
            plan.put("durationHours", Duration.between(meetup.startsAt(), meetup.endsAt()).toHours());
        }
        plan.put("venue", meetup.venue());
        plan.put("onlineLink", meetup.onlineLink());
        return showChange(meetup, FormSubmission.of(plan), model);
    }

    @PostMapping("/meetups/{reference:MEE-\\d+}/change")
    public String processChangeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                                    HttpServletRequest request, HttpServletResponse response,
                                    Model model, RedirectAttributes redirect) {
        Meetup meetup = coordinated(user, reference);
        FormSubmission typed = FormRequests.validate(validator, changeForm(), request);
        if (!typed.hasErrors()) {
            typed.fieldErrors().addAll(service.check(meetup, change(typed)));
        }
        if (typed.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showChange(meetup, typed, model);
        }
        service.change(reference, change(typed), user.id());
        redirect.addFlashAttribute("message", "meetup.changed");
        return "redirect:/meetups/" + reference + "/attendees";
    }

    private static MeetupService.Change change(FormSubmission typed) {
        return new MeetupService.Change((LocalDate) typed.values().get("meetupDate"),
                LocalTime.parse(typed.text("startTime")), ((Number) typed.values().get("durationHours")).intValue(),
                typed.text("venue"), typed.text("onlineLink"));
    }

    private FormDefinition changeForm() {
        return forms.fromClasspath(PLAN_FORM).only(CHANGE_FIELDS);
    }

    private String showChange(Meetup meetup, FormSubmission typed, Model model) {
        model.addAttribute("meetup", meetup);
        model.addAttribute("form", changeForm());
        model.addAttribute("submission", typed);
        return "meetups/change";
    }

    /** A meetup the person coordinates; any other is not found for them. */
    private Meetup coordinated(CurrentUser user, String reference) {
        Meetup meetup = meetup(reference);
        if (!user.worksCasesOf(meetup.clusterId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return meetup;
    }

    @GetMapping("/meetups/{reference:MEE-\\d+}/report.pdf")
    public ResponseEntity<byte[]> report(@PathVariable String reference) {
        Meetup meetup = announced(reference);
        if (meetup.status() != MeetupStatus.REPORTED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=report-" + reference + ".pdf")
                .contentType(MediaType.APPLICATION_PDF)
                .body(service.reportPdf(meetup, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/meetups/registrations/{token}")
    public String initCancellation(@PathVariable String token, HttpServletRequest request,
                                   HttpServletResponse response, Model model) {
        MeetupRepository.Registration registration = registration(token);
        language.apply(request, response, registration.language());
        Meetup meetup = meetups.get(registration.meetupId());
        model.addAttribute("registration", registration);
        model.addAttribute("meetup", meetup);
        model.addAttribute("when", meetup.when());
        model.addAttribute("where", meetup.where(registration.mode()));
        model.addAttribute("token", token);
        // the code to show at the door, also where the mail's picture was not shown
        model.addAttribute("doorCode", registration.confirmed() && !meetup.status().closed()
                ? mails.doorCodeImage(meetup, registration.id()) : null);
        return "meetups/registration";
    }

    @PostMapping("/meetups/registrations/{token}")
    public String processCancellation(@PathVariable String token, RedirectAttributes redirect) {
        MeetupRepository.Registration registration = registration(token);
        boolean cancelled = registrations.cancelRegistration(registration.id());
        redirect.addFlashAttribute("message",
                cancelled ? "meetup.registrationCancelled" : "meetup.registrationAlreadyCancelled");
        return "redirect:/meetups/" + meetups.get(registration.meetupId()).reference();
    }

    private String showPage(Meetup meetup, Map<String, String> typed, String problem, Model model) {
        model.addAttribute("meetup", meetup);
        model.addAttribute("when", meetup.when());
        model.addAttribute("clusterName", directory.clusterName(meetup.clusterId()));
        model.addAttribute("open", meetup.status() == MeetupStatus.OPEN && meetup.startsAt() != null
                && meetup.startsAt().isAfter(AppClock.now()));
        model.addAttribute("places", meetup.modes().stream().map(mode -> new Places(mode, meetup.capacity(mode),
                meetups.countRegistrations(meetup.id(), mode, RegistrationStatus.CONFIRMED),
                meetups.countRegistrations(meetup.id(), mode, RegistrationStatus.WAITING))).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("problem", problem);
        return "meetups/page";
    }

    public record Places(String mode, int capacity, int confirmed, int waiting) {
        public int free() {
            return Math.max(0, capacity - confirmed);
        }
    }

    private String showProposal(String cluster, FormSubmission form, Model model) {
        model.addAttribute("cluster", directory.cluster(cluster).orElseThrow());
        model.addAttribute("form", proposalForm());
        model.addAttribute("submission", form);
        return "meetups/propose";
    }

    private FormDefinition proposalForm() {
        return forms.forStartOfProcess(MeetupCases.PROCESS_KEY);
    }

    private Meetup meetup(String reference) {
        return meetups.byReference(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * A meetup as the public sees it: only once it is announced (registration open, held, reported, or cancelled
     * after its announcement, which its guests must learn); a proposed, planned or unapproved one is not there for
     * anyone without an account.
     */
    private Meetup announced(String reference) {
        Meetup meetup = meetup(reference);
        if (!PUBLIC.contains(meetup.status())
                && !(meetup.status() == MeetupStatus.CANCELLED && meetups.wasAnnounced(reference))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return meetup;
    }

    private static final Set<MeetupStatus> PUBLIC = EnumSet.of(MeetupStatus.OPEN,
            MeetupStatus.HELD, MeetupStatus.REPORTED);

    private MeetupRepository.Registration registration(String token) {
        long id = Long.parseLong(links.verify(MeetupService.REGISTRATION_LINK, token));
        return meetups.registration(id)
                .orElseThrow(() -> new SignedLinks.InvalidLinkException(SignedLinks.Problem.INVALID));
    }

    private static void member(CurrentUser user, String cluster) {
        if (!user.belongsTo(cluster)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
