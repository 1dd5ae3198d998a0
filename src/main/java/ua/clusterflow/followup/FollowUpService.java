package ua.clusterflow.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberDirectory;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseDetails;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * Follow-ups: an agreed action of a meetup, a next step of a board decision or an introduction between members, given
 * to an owner with a due date. The owner has it in their task list and is reminded two days before; once the day has
 * passed the coordinators and whoever agreed it hear that it is overdue; the owner records what was done and, for an
 * introduction, whether it led to a joint application or meetup.
 */
@Service
public class FollowUpService {

    /** Where a follow-up comes from: a case or an introduction, with the cluster it belongs to and its name. */
    public record Source(String kind, String ref, String clusterId, String title, String path) {
    }

    /** When the owner is reminded, and when the action is due (and overdue once it passes). */
    public record Moments(Instant remindAt, Instant dueAt) {
    }

    public static final int MAX_ACTION = 2000;
    static final int REMIND_DAYS_BEFORE = 2;
    static final int FURTHEST_DAYS = 730;

    private final FollowUpRepository followUps;
    private final CaseRepository cases;
    private final MemberDirectory members;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final FollowUpCases engine;
    private final List<CaseDetails> details;

    public FollowUpService(FollowUpRepository followUps, CaseRepository cases, MemberDirectory members,
                           ClusterDirectory directory, MailOutbox outbox, FollowUpCases engine,
                           List<CaseDetails> details) {
        this.details = details;
        this.followUps = followUps;
        this.cases = cases;
        this.members = members;
        this.directory = directory;
        this.outbox = outbox;
        this.engine = engine;
    }

    /** A case as the source of a follow-up, for someone who works the cluster's cases. */
    public Optional<Source> caseSource(CurrentUser user, String businessKey) {
        return cases.find(businessKey).filter(c -> user.worksCasesOf(c.clusterId()))
                .map(c -> new Source(c.processKey(), c.businessKey(), c.clusterId(), c.title(), "/cases/" + c.businessKey()));
    }

    /** An introduction as the source of a follow-up, for someone who works the cluster's cases. */
    public Optional<Source> introductionSource(CurrentUser user, long introductionId) {
        return members.introduction(introductionId).filter(i -> user.worksCasesOf(i.clusterId()))
                .map(i -> new Source(FollowUp.INTRODUCTION, String.valueOf(i.id()), i.clusterId(), i.title(), null));
    }

    /**
     * What the source's case agreed (a meetup's follow-up actions) and is not yet given to anyone, for the form to
     * offer one click each.
     */
    public List<String> agreedActions(Source source) {
        if (FollowUp.INTRODUCTION.equals(source.kind())) {
            return List.of();
        }
        Set<String> given = new HashSet<>(followUps.ofSource(source.kind(), source.ref()).stream()
                .map(FollowUp::action).toList());
        return details.stream().filter(d -> d.supports(source.kind()))
                .flatMap(d -> d.agreedActions(source.ref()).stream()).filter(action -> !given.contains(action))
                .distinct().toList();
    }

    /** The people a follow-up can be given to: anyone of the cluster. */
    public List<Person> possibleOwners(String clusterId) {
        return directory.peopleOfCluster(clusterId);
    }

    public FieldErrors check(Source source, String action, String owner, LocalDate dueOn) {
        FieldErrors errors = new FieldErrors().required("action", action, MAX_ACTION);
        if (owner == null || possibleOwners(source.clusterId()).stream().noneMatch(p -> p.id().equals(owner))) {
            errors.reject("owner", "followup.error.owner");
        }
        if (dueOn == null) {
            errors.reject("dueOn", "error.date");
        } else if (dueOn.isBefore(AppClock.today())) {
            errors.reject("dueOn", "followup.error.duePast");
        } else if (dueOn.isAfter(AppClock.today().plusDays(FURTHEST_DAYS))) {
            errors.reject("dueOn", "followup.error.dueFar");
        }
        return errors;
    }

    /**
     * Gives the action to its owner and starts its case. The same action for the same source and owner while it is
     * open (a second click, a form sent twice) is the follow-up already agreed.
     */
    @Transactional
    public FollowUp agree(CurrentUser by, Source source, String action, String owner, LocalDate dueOn) {
        String text = action.trim();
        Optional<FollowUp> agreed = followUps.sameAgreed(source.kind(), source.ref(), text, owner);
        if (agreed.isPresent()) {
            return agreed.get();
        }
        FollowUp followUp = followUps.insert(source.clusterId(), source.kind(), source.ref(), text, owner, dueOn, by.id());
        String title = title(text);
        cases.insert(new CaseRecord(followUp.businessKey(), source.clusterId(), FollowUpCases.PROCESS_KEY, title, "FOLLOW_UP_OPEN",
                null, by.id(), null, null));
        cases.addEvent(followUp.businessKey(), by.name(), "follow-up-agreed", source.title() + " → "
                + directory.displayName(owner));
        if (!FollowUp.INTRODUCTION.equals(source.kind())) {
            cases.addEvent(source.ref(), by.name(), "follow-up-agreed", title + " → " + directory.displayName(owner));
        }
        engine.start(followUp, title);
        return followUp;
    }

    /** The moments of a follow-up due on this day: due at its end in Kyiv, the owner reminded two days before at 9. */
    public static Moments moments(LocalDate dueOn, Instant now) {
        Instant dueAt = dueOn.atTime(LocalTime.of(23, 59)).atZone(AppClock.KYIV).toInstant();
        Instant remindAt = dueOn.minusDays(REMIND_DAYS_BEFORE).atTime(LocalTime.of(9, 0)).atZone(AppClock.KYIV).toInstant();
        if (!remindAt.isAfter(now)) {
            // agreed close to its day: halfway there, so the reminder is neither at once nor after the day
            remindAt = now.plus(Duration.between(now, dueAt).dividedBy(2));
        }
        return new Moments(remindAt, dueAt);
    }

    @Transactional
    public void remind(long id) {
        FollowUp followUp = followUps.get(id);
        directory.person(followUp.owner()).ifPresent(owner -> outbox.queue(owner, "follow-up-notice",
                model(followUp, "reminder"), followUp.businessKey()));
        cases.addEvent(followUp.businessKey(), null, "reminder", directory.displayName(followUp.owner()));
    }

    /** The day has passed: the coordinators and whoever agreed the action are told, and it counts as overdue. */
    @Transactional
    public void overdue(long id) {
        FollowUp followUp = followUps.get(id);
        followUps.markOverdue(id);
        Set<String> told = new HashSet<>();
        for (Person person : directory.peopleWithRole(followUp.clusterId(), Role.COORDINATOR)) {
            if (told.add(person.id())) {
                outbox.queue(person, "follow-up-notice", model(followUp, "overdue"), followUp.businessKey());
            }
        }
        if (told.add(followUp.createdBy())) {
            directory.person(followUp.createdBy()).ifPresent(person -> outbox.queue(person, "follow-up-notice",
                    model(followUp, "overdue"), followUp.businessKey()));
        }
        cases.updateStatus(followUp.businessKey(), "FOLLOW_UP_OVERDUE", false);
        cases.addEvent(followUp.businessKey(), null, "follow-up-overdue", null);
    }

    /** The owner's account of what was done; whoever agreed the action hears of it. */
    @Transactional
    public void done(long id, String outcome, String ledTo) {
        FollowUp followUp = followUps.get(id);
        String led = FollowUp.INTRODUCTION.equals(followUp.sourceKind()) && ledTo != null && !"none".equals(ledTo)
                ? ledTo : null;
        followUps.markDone(id, outcome, led);
        FollowUp done = followUps.get(id);
        String owner = directory.displayName(followUp.owner());
        cases.updateStatus(followUp.businessKey(), "FOLLOW_UP_DONE", true);
        cases.addEvent(followUp.businessKey(), owner, "follow-up-done", outcome);
        if (!FollowUp.INTRODUCTION.equals(followUp.sourceKind())) {
            cases.addEvent(followUp.sourceRef(), owner, "follow-up-done", title(followUp.action()));
        }
        if (!followUp.createdBy().equals(followUp.owner())) {
            directory.person(followUp.createdBy()).ifPresent(person -> outbox.queue(person, "follow-up-notice",
                    model(done, "done"), followUp.businessKey()));
        }
    }

    private Map<String, Object> model(FollowUp followUp, String kind) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("action", followUp.action());
        model.put("due", followUp.dueOn());
        model.put("owner", directory.displayName(followUp.owner()));
        model.put("outcome", followUp.outcome() == null ? "" : followUp.outcome());
        model.put("link", outbox.link("/cases/" + followUp.businessKey()));
        model.put("subjectKey", "mail.follow-up." + kind + ".subject");
        model.put("subjectArg", title(followUp.action()));
        return model;
    }

    /** The action's first line, shortened, as the case's and the mail's title. */
    static String title(String action) {
        String first = action.strip().lines().findFirst().orElse("");
        return first.length() <= 120 ? first : first.substring(0, 119) + "…";
    }
}
