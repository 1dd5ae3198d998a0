package ua.clusterflow.meetup;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Formats;
import ua.clusterflow.base.PdfRenderer;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.meetup.MeetupMails.Notice;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.FormSubmission;

/** Technology meetups: topics, plans, experts, public registration with waiting lists, reports, cancellation. */
@Service
public class MeetupService {

    /** The seeds' rule for a meetup's experts: at least three, from at least two kinds of participants. */
    public static final int MIN_EXPERTS = 3;
    public static final int MIN_CATEGORIES = 2;


    public static final String EXPERT_LINK = "meetup-expert";
    public static final String REGISTRATION_LINK = "meetup-registration";
    public static final String DOOR_LINK = "meetup-door";
    /** The mails that confirm a place, and so carry the guest's code for the door. */
    static final Duration REGISTRATION_LINK_VALIDITY = Duration.ofDays(365);

    /** The plan as the coordinator entered it. */
    public record Plan(LocalDate date, LocalTime start, int hours, String venue, String onlineLink, int capacityOffline,
                       int capacityOnline, BigDecimal budget) {
    }

    /** An expert on the shortlist, with the language the coordinator chose for their mail. */
    public record Expert(String name, String email, String category, String language) {

        public Expert(String name, String email, String category) {
            this(name, email, category, "uk");
        }
    }

    private final MeetupRepository meetups;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final SignedLinks links;
    private final MeetupCases engine;
    private final MeetupMails mails;
    private final PdfRenderer pdf;

    public MeetupService(MeetupRepository meetups, CaseRepository cases, ClusterDirectory directory, SignedLinks links,
                         MeetupCases engine, MeetupMails mails, PdfRenderer pdf) {
        this.meetups = meetups;
        this.cases = cases;
        this.directory = directory;
        this.links = links;
        this.engine = engine;
        this.mails = mails;
        this.pdf = pdf;
    }

    /** A member's or coordinator's topic: stored, with its case, and handed to the coordinator to plan. */
    @Transactional
    public Meetup propose(String clusterId, String userId, FormSubmission form) {
        LocalDate from = date(form.values().get("windowFrom"));
        LocalDate to = date(form.values().get("windowTo"));
        Meetup meetup = meetups.insert(clusterId, userId, form.text("segment"), form.text("challenge"),
                form.text("format"), from, to.isBefore(from) ? from : to);
        cases.insert(new CaseRecord(meetup.reference(), clusterId, MeetupCases.PROCESS_KEY, meetup.segment(),
                "MEETUP_" + MeetupStatus.PROPOSED, null, userId, null, null));
        cases.addEvent(meetup.reference(), directory.displayName(userId), "meetup-proposed", meetup.challenge());
        engine.start(meetup);
        return meetup;
    }

    /** Records the plan; {@code meetup-approval.dmn} then says who approves it. */
    @Transactional
    public void recordPlan(long meetupId, Plan plan) {
        Instant starts = plan.date().atTime(plan.start()).atZone(AppClock.KYIV).toInstant();
        meetups.plan(meetupId, starts, starts.plus(Duration.ofHours(plan.hours())), plan.venue(), plan.onlineLink(),
                plan.capacityOffline(), plan.capacityOnline(), plan.budget());
        Meetup meetup = meetups.get(meetupId);
        setStatus(meetup, MeetupStatus.PLANNED, "meetup-planned", meetup.when());
    }

    @Transactional
    public void notApproved(long meetupId, String comment) {
        Meetup meetup = setStatus(meetups.get(meetupId), MeetupStatus.NOT_APPROVED, "meetup-not-approved", comment);
        directory.person(meetup.proposedBy()).ifPresent(p -> mails.send(meetup,
                Notice.to(p.email(), p.language(), p.displayName(), "not-approved").quoting(comment)));
    }

    @Transactional
    public void inviteExperts(long meetupId, List<Expert> experts) {
        Meetup meetup = meetups.get(meetupId);
        int round = meetups.currentRound(meetupId) + 1;
        for (Expert expert : experts) {
            long id = meetups.addExpert(meetupId, round, expert.name(), expert.email(), expert.category(),
                    expert.language());
            mails.invite(meetup, expertToken(id), expert.name(), expert.email(), expert.language(), "expert-invitation");
        }
        setStatus(meetup, MeetupStatus.EXPERTS_INVITED, "meetup-experts-invited",
                String.join(", ", experts.stream().map(Expert::name).toList()));
    }

    /** The experts of the current round, by id, for the multi-instance answer subprocess. */
    public List<Long> currentExperts(long meetupId) {
        int round = meetups.currentRound(meetupId);
        return meetups.experts(meetupId).stream().filter(e -> e.round() == round).map(MeetupRepository.Expert::id)
                .toList();
    }

    /** An expert's answer through their link; recorded once, and their wait in the case ends. */
    @Transactional
    public boolean answer(long expertId, boolean accept) {
        if (!meetups.answer(expertId, accept ? ExpertAnswer.ACCEPTED : ExpertAnswer.DECLINED)) {
            return false;
        }
        MeetupRepository.Expert expert = meetups.expert(expertId).orElseThrow();
        Meetup meetup = meetups.get(expert.meetupId());
        cases.addEvent(meetup.reference(), expert.name(), accept ? "meetup-expert-accepted" : "meetup-expert-declined",
                null);
        engine.expertAnswered(meetup.reference(), expertId);
        return true;
    }

    public String expertToken(long expertId) {
        return links.sign(EXPERT_LINK, String.valueOf(expertId), Duration.ofDays(14));
    }

    @Transactional
    public void remindExpert(long expertId) {
        MeetupRepository.Expert expert = meetups.expert(expertId).orElseThrow();
        if (expert.answer() == null) {
            mails.invite(meetups.get(expert.meetupId()), expertToken(expertId), expert.name(), expert.email(), expert.language(),
                    "expert-reminder");
        }
    }

    @Transactional
    public void declinedByDeadline(long expertId) {
        if (meetups.answer(expertId, ExpertAnswer.DECLINED)) {
            MeetupRepository.Expert expert = meetups.expert(expertId).orElseThrow();
            cases.addEvent(meetups.get(expert.meetupId()).reference(), expert.name(), "meetup-expert-no-answer", null);
        }
    }

    /** Enough experts: at least three accepted, from at least two kinds of participants. */
    @Transactional
    public boolean enoughExperts(long meetupId) {
        int round = meetups.currentRound(meetupId);
        List<MeetupRepository.Expert> accepted = meetups.experts(meetupId).stream()
                .filter(e -> e.round() == round && e.accepted()).toList();
        Set<String> categories = new HashSet<>(accepted.stream().map(MeetupRepository.Expert::category).toList());
        boolean enough = accepted.size() >= MIN_EXPERTS && categories.size() >= MIN_CATEGORIES;
        cases.addEvent(meetups.get(meetupId).reference(), null, enough ? "meetup-experts-enough" : "meetup-experts-too-few",
                accepted.size() + " / " + categories.size());
        return enough;
    }

    /** When the case reminds the participants and when the meetup ends, the moments its case waits for. */
    public record Moments(Date dayBefore, Date endsAt) {
    }

    /** Opens registration and tells the cluster; returns the moments the case waits for. */
    @Transactional
    public Moments announce(long meetupId) {
        Meetup meetup = setStatus(meetups.get(meetupId), MeetupStatus.OPEN, "meetup-announced", null);
        for (Person person : directory.peopleOfCluster(meetup.clusterId())) {
            mails.send(meetup, Notice.to(person.email(), person.language(), person.displayName(), "announced"));
        }
        return new Moments(Date.from(reminderAt(meetup, AppClock.now())), Date.from(meetup.endsAt()));
    }

    /**
     * When guests are reminded: the day before; for a meetup announced on its own day, two hours before it starts
     * (and never before the announcement, when nobody has registered yet).
     */
    static Instant reminderAt(Meetup meetup, Instant announcedAt) {
        Instant dayBefore = meetup.startsAt().minus(Duration.ofDays(1));
        if (dayBefore.isAfter(announcedAt)) {
            return dayBefore;
        }
        Instant hoursBefore = meetup.startsAt().minus(Duration.ofHours(2));
        return hoursBefore.isAfter(announcedAt) ? hoursBefore : meetup.startsAt();
    }

    @Transactional
    public void remindParticipants(long meetupId) {
        Meetup meetup = meetups.get(meetupId);
        // "tomorrow" only when it is: a meetup announced on its day is announced as today's
        String kind = Duration.between(AppClock.now(), meetup.startsAt()).toHours() >= 12 ? "reminder" : "reminder-today";
        int sent = 0;
        for (MeetupRepository.Registration r : meetups.registrations(meetupId)) {
            if (r.confirmed() && meetup.startsAt().isAfter(AppClock.now())) {
                mails.send(meetup, Notice.to(r.email(), r.language(), r.name(), kind).forGuest(r.id(), r.mode()));
                sent++;
            }
        }
        cases.addEvent(meetup.reference(), null, "reminder", "participants: " + sent);
    }

    /** Records the outcome and sends the report (PDF) to the cluster's people and the attendees. */
    @Transactional
    public void report(long meetupId, Integer attendance, String summary, String agendaItems, String followUps) {
        meetups.outcome(meetupId, attendance, summary, agendaItems, followUps);
        Meetup meetup = setStatus(meetups.get(meetupId), MeetupStatus.REPORTED, "meetup-reported", summary);
        byte[] report = reportPdf(meetup, Locale.forLanguageTag("uk"));
        cases.addDocument(meetup.reference(), "report-" + meetup.reference() + ".pdf", "application/pdf", report,
                directory.clusterName(meetup.clusterId()));
        // each reader gets the report in the language of their mail, made once per language
        Map<String, MailOutbox.Attachment> reports = new HashMap<>();
        Function<String, MailOutbox.Attachment> in = language -> reports.computeIfAbsent(
                "en".equals(language) ? "en" : "uk", l -> new MailOutbox.Attachment("report-" + meetup.reference() + ".pdf",
                        "application/pdf", "uk".equals(l) ? report : reportPdf(meetup, Locale.forLanguageTag(l))));
        Set<String> sent = new HashSet<>();
        for (Person person : directory.peopleOfCluster(meetup.clusterId())) {
            if (sent.add(person.email().toLowerCase())) {
                mails.send(meetup, Notice.to(person.email(), person.language(), person.displayName(), "report")
                        .attaching(in.apply(person.language())));
            }
        }
        for (MeetupRepository.Expert e : meetups.experts(meetupId)) {
            if (e.accepted() && sent.add(e.email().toLowerCase())) {
                mails.send(meetup, Notice.to(e.email(), e.language(), e.name(), "report")
                        .attaching(in.apply(e.language())));
            }
        }
        for (MeetupRepository.Registration r : meetups.registrations(meetupId)) {
            if (r.confirmed() && sent.add(r.email().toLowerCase())) {
                mails.send(meetup, Notice.to(r.email(), r.language(), r.name(), "report")
                        .attaching(in.apply(r.language())).inMode(r.mode()));
            }
        }
    }

    public byte[] reportPdf(Meetup meetup, Locale locale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("meetup", meetup);
        variables.put("clusterName", directory.clusterName(meetup.clusterId()));
        variables.put("when", Formats.inLanguage(locale, () -> meetup.when()));
        variables.put("agenda", lines(meetup.agendaItems()));
        variables.put("followUps", lines(meetup.followUps()));
        variables.put("experts", meetups.experts(meetup.id()).stream().filter(e -> e.accepted())
                .map(e -> e.name()).toList());
        variables.put("checkedIn", meetups.countCheckedIn(meetup.id()));
        return pdf.render("meetup-report", locale, variables);
    }

    /** A new date, time or place for an announced meetup, as the coordinator typed it. */
    public record Change(LocalDate date, LocalTime start, int hours, String venue, String onlineLink) {
    }

    /** What is wrong with a change; empty when the meetup can move to it. */
    public FieldErrors check(Meetup meetup, Change change) {
        FieldErrors errors = new FieldErrors();
        if (meetup.status() != MeetupStatus.OPEN || !meetup.startsAt().isAfter(AppClock.now())) {
            errors.reject("meetupDate", "meetup.error.notChangeable");
            return errors;
        }
        if (!change.date().atTime(change.start()).atZone(AppClock.KYIV).toInstant().isAfter(AppClock.now())) {
            errors.reject("meetupDate", "meetup.error.changeInPast");
        }
        if (!"online".equals(meetup.format()) && (change.venue() == null || change.venue().isBlank())) {
            errors.reject("venue", "error.required");
        }
        if (!"offline".equals(meetup.format()) && (change.onlineLink() == null || change.onlineLink().isBlank())) {
            errors.reject("onlineLink", "error.required");
        }
        return errors;
    }

    /**
     * Moves an announced meetup to a new date or place: its case's reminder and end move with it, and every confirmed
     * guest and every expert taking part gets the updated calendar entry in the language of their mail.
     */
    @Transactional
    public Meetup change(String reference, Change change, String by) {
        Meetup before = meetups.byReference(reference).orElseThrow();
        meetups.lock(before.id());
        Instant starts = change.date().atTime(change.start()).atZone(AppClock.KYIV).toInstant();
        meetups.replan(before.id(), starts, starts.plus(Duration.ofHours(change.hours())), blankToNull(change.venue()),
                blankToNull(change.onlineLink()));
        Meetup meetup = meetups.get(before.id());
        cases.addEvent(reference, directory.displayName(by), "meetup-changed", meetup.when()
                + (meetup.where(null).isBlank() ? "" : ", " + meetup.where(null)));
        engine.moved(reference, Date.from(reminderAt(meetup, AppClock.now())), Date.from(meetup.endsAt()));
        Set<String> sent = new HashSet<>();
        for (MeetupRepository.Registration r : meetups.registrations(meetup.id())) {
            if (r.confirmed() && sent.add(r.email().toLowerCase())) {
                mails.send(meetup, Notice.to(r.email(), r.language(), r.name(), "changed")
                        .attaching(mails.calendarEntry(meetup, r.mode())).forGuest(r.id(), r.mode()));
            }
        }
        for (MeetupRepository.Expert e : meetups.experts(meetup.id())) {
            if (e.accepted() && sent.add(e.email().toLowerCase())) {
                mails.send(meetup, Notice.to(e.email(), e.language(), e.name(), "changed")
                        .attaching(mails.calendarEntry(meetup, meetup.modes().get(0))));
            }
        }
        return meetup;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Cancels a meetup at whatever step it is; everyone invited or registered is told. */
    @Transactional
    public void cancel(String reference) {
        engine.cancel(reference);
    }

    @Transactional
    public void notifyCancellation(long meetupId) {
        Meetup meetup = setStatus(meetups.get(meetupId), MeetupStatus.CANCELLED, "meetup-cancelled", null);
        Set<String> sent = new HashSet<>();
        for (MeetupRepository.Expert e : meetups.experts(meetupId)) {
            if (!e.declined() && sent.add(e.email().toLowerCase())) {
                mails.send(meetup, Notice.to(e.email(), e.language(), e.name(), "cancelled"));
            }
        }
        for (MeetupRepository.Registration r : meetups.registrations(meetupId)) {
            if (!r.cancelled() && sent.add(r.email().toLowerCase())) {
                // a confirmed guest has the meetup in their calendar: the cancellation takes it out again
                mails.send(meetup, Notice.to(r.email(), r.language(), r.name(), "cancelled").attaching(
                        r.confirmed() ? mails.calendarCancellation(meetup, r.mode()) : null)
                        .inMode(r.mode()));
            }
        }
    }

    private Meetup setStatus(Meetup meetup, MeetupStatus status, String action, String detail) {
        meetups.setStatus(meetup.id(), status);
        cases.updateStatus(meetup.reference(), "MEETUP_" + status, status.closed());
        cases.addEvent(meetup.reference(), null, action, detail);
        return meetups.get(meetup.id());
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
        }
        return lines;
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(AppClock.KYIV).toLocalDate();
        }
        return AppClock.today();
    }
}
