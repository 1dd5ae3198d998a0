package ua.clusterflow.board;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * Motions: any question a board member, the chair or a coordinator puts to the board. The board votes on it through the
 * shared board vote until the closing time the proposer set; the proposer then states the outcome, which goes to the
 * board and, when the motion says so, to every member of the cluster.
 */
@Service
public class MotionService {

    /** The shortest and the longest a motion stays open for ballots. */
    static final Duration SHORTEST = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofDays(60);
    private static final Duration SAME_MOTION_WITHIN = Duration.ofMinutes(10);

    private final MotionRepository motions;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final BoardCases engine;
    private final BoardVoteService votes;

    public MotionService(MotionRepository motions, CaseRepository cases, ClusterDirectory directory, MailOutbox outbox,
                         BoardCases engine, BoardVoteService votes) {
        this.motions = motions;
        this.cases = cases;
        this.directory = directory;
        this.outbox = outbox;
        this.engine = engine;
        this.votes = votes;
    }

    /** The board, its chair and the coordinators put questions to the board; the members see the outcomes. */
    public boolean mayPropose(CurrentUser user, String clusterId) {
        return user.worksCasesOf(clusterId);
    }

    /** What the form's own rules cannot know: a closing time ahead, within reach, and a board to vote. */
    public void check(String clusterId, FormSubmission motion) {
        if (votes.voters(clusterId, null).isEmpty()) {
            motion.reject("question", "motion.error.noBoard");
        }
        Choices choices = Choices.parse(motion.text("options"));
        if (choices.any() && (choices.labels().size() < 2 || choices.labels().size() > Choices.MOST
                || choices.labels().stream().anyMatch(label -> label.length() > Choices.MAX_LABEL)
                || choices.labels().stream().distinct().count() < choices.labels().size())) {
            motion.reject("options", "motion.error.options", Choices.MOST, Choices.MAX_LABEL);
        }
        Instant closes = closesAt(motion);
        if (closes == null) {
            return;
        }
        if (closes.isBefore(AppClock.now().plus(SHORTEST))) {
            motion.reject("closesOn", "motion.error.closesTooSoon");
        } else if (closes.isAfter(AppClock.now().plus(LONGEST))) {
            motion.reject("closesOn", "motion.error.closesTooLate", LONGEST.toDays());
        }
    }

    /**
     * Records the motion, its document and its case, and puts it to the board. The same question sent again by its
     * proposer within minutes (a second click, a form sent twice) is the motion already put.
     */
    @Transactional
    public Motion propose(CurrentUser proposer, String clusterId, FormSubmission typed) {
        String question = typed.text("question").trim();
        Optional<Motion> sent = motions.samePutSince(clusterId, proposer.id(), question,
                AppClock.now().minus(SAME_MOTION_WITHIN));
        if (sent.isPresent()) {
            return sent.get();
        }
        Choices choices = Choices.parse(typed.text("options"));
        Motion motion = motions.insert(clusterId, proposer.id(), question,
                typed.text("motionText").trim(), closesAt(typed), ((Number) typed.values().get("quorumPercent")).intValue(),
                Boolean.TRUE.equals(typed.values().get("publicOutcome")), choices.any() ? choices.typed() : null);
        cases.insert(new CaseRecord(motion.businessKey(), clusterId, BoardCases.MOTION_PROCESS_KEY, motion.question(), "VOTING",
                null, proposer.id(), null, null));
        cases.addEvent(motion.businessKey(), proposer.name(), "motion-proposed", motion.question());
        FormSubmission.Upload document = typed.uploads().get("document");
        if (document != null) {
            cases.addDocument(motion.businessKey(), document.fileName(), document.contentType(), document.content(),
                    proposer.name());
            cases.addEvent(motion.businessKey(), proposer.name(), "document", document.fileName());
        }
        engine.startMotion(motion, motion.question());
        return motion;
    }

    /**
     * The proposer's statement of the outcome: kept with the decision in the board's register, sent to the board and,
     * for a public motion, to the cluster's members.
     */
    @Transactional
    public void publish(String businessKey, String decision, String statement) {
        Motion motion = motions.byBusinessKey(businessKey).orElseThrow();
        motions.state(businessKey, statement);
        String chosen = motion.choices().label(decision);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("question", motion.question());
        model.put("decision", decision);
        model.put("decisionLabel", chosen);
        model.put("statement", statement);
        model.put("businessKey", businessKey);
        model.put("subjectArg", motion.question());
        for (Person member : directory.peopleWithRole(motion.clusterId(), Role.BOARD)) {
            outbox.queue(member, "motion-statement", withLink(model, "/cases/" + businessKey), businessKey);
        }
        if (motion.publicOutcome()) {
            for (Person member : directory.peopleWithRole(motion.clusterId(), Role.MEMBER)) {
                outbox.queue(member, "motion-statement", withLink(model, null), businessKey);
            }
        }
        cases.updateStatus(businessKey, chosen != null ? "MOTION_DECIDED"
                : "reject".equals(decision) ? "MOTION_REJECTED" : "MOTION_APPROVED", true);
        cases.addEvent(businessKey, directory.displayName(motion.proposer()), "motion-stated", null);
    }

    private Map<String, Object> withLink(Map<String, Object> model, String path) {
        Map<String, Object> mail = new LinkedHashMap<>(model);
        mail.put("link", path == null ? null : outbox.link(path));
        return mail;
    }

    /** The closing moment typed as a Kyiv date and time, or null while either is missing or wrong. */
    static Instant closesAt(FormSubmission motion) {
        Object day = motion.values().get("closesOn");
        String time = motion.text("closesAtTime");
        if (!(day instanceof LocalDate date) || time == null || motion.error("closesAtTime") != null) {
            return null;
        }
        return date.atTime(LocalTime.parse(time)).atZone(AppClock.KYIV).toInstant();
    }
}
