package ua.clusterflow.board;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Formats;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.VoteQuestions;

/** Board votes: who votes, the ballots, when a vote is decided, and who is told. */
@Service
public class BoardVoteService {

    public record VoteSetup(int eligible, int quorum, Date deadline, Date reminderAt) {
    }

    private static final Duration REMINDER_BEFORE_CLOSE = Duration.ofHours(24);

    private final BallotRepository ballots;
    private final ClusterDirectory directory;
    private final CaseRepository cases;
    private final MailOutbox outbox;
    private final Formats formats;
    private final BoardCases engine;

    private final VoteQuestions questions;

    public BoardVoteService(BallotRepository ballots, ClusterDirectory directory, CaseRepository cases,
                            MailOutbox outbox, Formats formats, BoardCases engine, VoteQuestions questions) {
        this.questions = questions;
        this.engine = engine;
        this.formats = formats;
        this.ballots = ballots;
        this.directory = directory;
        this.cases = cases;
        this.outbox = outbox;
    }

    /** The board members of a cluster who vote, without the one excluded (e.g. a nominee). */
    public List<String> voters(String clusterId, String excluded) {
        return directory.peopleWithRole(clusterId, Role.BOARD).stream().map(Person::id)
                .filter(id -> !id.equals(excluded)).toList();
    }

    /**
     * Opens a vote that closes at the given moment: its voters counted, its quorum set, and those who have not voted
     * reminded a day before the close (or half-way, when the vote runs for less than two days).
     */
    @Transactional
    public VoteSetup open(String businessKey, String clusterId, String excluded, Instant deadline, int quorumPercent) {
        int eligible = voters(clusterId, excluded).size();
        if (eligible == 0) {
            throw new IllegalStateException("The board of " + clusterId + " has no members to vote");
        }
        Duration runs = Duration.between(AppClock.now(), deadline);
        Instant reminder = deadline.minus(runs.dividedBy(2).compareTo(REMINDER_BEFORE_CLOSE) < 0
                ? runs.dividedBy(2) : REMINDER_BEFORE_CLOSE);
        event(businessKey, "vote-opened", eligible + " / " + Tally.quorumOf(eligible, quorumPercent));
        return new VoteSetup(eligible, Tally.quorumOf(eligible, quorumPercent), Date.from(deadline),
                Date.from(reminder));
    }

    /** The close of a vote that runs for the given number of days from now. */
    public static Instant closeAfter(int days) {
        return AppClock.now().plus(Duration.ofDays(days));
    }

    /**
     * Records one ballot and tells whether the vote is decided by it: the outcome's value, {@code open} while it is
     * not (for a vote among options, the option chosen).
     */
    @Transactional
    public String cast(String voteId, String businessKey, String voter, String choice, String comment,
                       int eligible, int quorum, Choices choices) {
        ballots.lockVote(voteId);
        if (!ballots.insert(voteId, voter, choice, choices.label(choice), comment)) {
            throw new IllegalStateException(voter + " has voted already in " + voteId);
        }
        event(businessKey, "voted", directory.displayName(voter));
        return choices.any() ? choices.whileOpen(ballots.ballots(voteId), eligible, quorum)
                : ballots.tally(voteId, eligible, quorum).whileOpen().value();
    }

    /** The count at the close, after any ballot being cast or changed in the same moment. */
    public String count(String voteId, int eligible, int quorum, Choices choices) {
        ballots.lockVote(voteId);
        return choices.any() ? choices.atClose(ballots.ballots(voteId), quorum)
                : ballots.tally(voteId, eligible, quorum).atClose().value();
    }

    /** Why a ballot could not be changed. */
    public enum ChangeRefused { NOT_VOTED, CLOSED }

    /**
     * Puts a voter's new choice in place of their ballot while the vote still takes ballots; the vote's lock makes a
     * change and the close wait for each other, so a change either counts or is refused as too late.
     */
    @Transactional
    public Optional<ChangeRefused> change(String voteId, String businessKey, String voter, String choice,
                                         String comment) {
        ballots.lockVote(voteId);
        if (!engine.takesBallots(voteId) || ballots.decision(voteId).isPresent()) {
            return Optional.of(ChangeRefused.CLOSED);
        }
        if (!ballots.change(voteId, voter, choice, Choices.parse(engine.options(voteId)).label(choice), comment)) {
            return Optional.of(ChangeRefused.NOT_VOTED);
        }
        event(businessKey, "ballot-changed", directory.displayName(voter));
        // a change can decide the vote (one option now has more than half of the board): it closes as a ballot would
        BoardCases.Seats seats = engine.seats(voteId);
        Choices choices = Choices.parse(engine.options(voteId));
        String outcome = choices.any() ? choices.whileOpen(ballots.ballots(voteId), seats.eligible(), seats.quorum())
                : ballots.tally(voteId, seats.eligible(), seats.quorum()).whileOpen().value();
        if (!VoteOutcome.OPEN.value().equals(outcome)) {
            engine.countNow(voteId);
        }
        return Optional.empty();
    }

    public Tally tally(String voteId, int eligible, int quorum) {
        return ballots.tally(voteId, eligible, quorum);
    }

    @Transactional
    public void remind(String voteId, String businessKey, String clusterId, String excluded, String caseTitle,
                       Date deadline) {
        List<String> voted = ballots.ballots(voteId).stream().map(BallotRepository.Ballot::voter).toList();
        for (String voter : voters(clusterId, excluded)) {
            if (!voted.contains(voter)) {
                directory.person(voter).ifPresent(p -> outbox.queue(p, "vote-reminder", Map.of(
                        "caseTitle", caseTitle, "deadline", formats.dateTime(deadline), "question", question(businessKey, p),
                        "link", outbox.link("/tasks?process=BoardVote"), "subjectArg", caseTitle), businessKey));
            }
        }
        event(businessKey, "reminder", "vote");
    }

    /** The reasons the board gave against: the comments of the ballots that rejected. */
    public String rejectionReasons(String voteId) {
        return ballots.ballots(voteId).stream()
                .filter(b -> Tally.REJECT.equals(b.choice()) && b.comment() != null && !b.comment().isBlank())
                .map(BallotRepository.Ballot::comment)
                .collect(Collectors.joining("\n"));
    }

    /** What the board decided, and why, as the vote's end announces it. */
    public record Decision(String decision, String reason) {
    }

    /**
     * Closes a vote: the outcome a ballot reached while it was open, or else the count at the close; a tie or a
     * missed quorum is the chair's to settle, with their decision and reason. The board is told, and the decision
     * kept in the board's register.
     */
    @Transactional
    public Decision close(String voteId, String businessKey, String clusterId, String caseTitle, String reachedOutcome,
                          String settledDecision, String settledReason, int eligible, int quorum, Choices choices) {
        String outcome = reachedOutcome == null || VoteOutcome.OPEN.value().equals(reachedOutcome)
                ? count(voteId, eligible, quorum, choices) : reachedOutcome;
        // a rejection's reasons are those of the ballots against; a dissent is never the reason of an approval
        Decision decision = VoteOutcome.UNDECIDED.value().equals(outcome)
                ? new Decision(settledDecision, settledReason)
                : new Decision(outcome, choices.any() || !VoteOutcome.REJECT.value().equals(outcome) ? ""
                        : rejectionReasons(voteId));
        announce(voteId, businessKey, clusterId, caseTitle, decision, eligible, quorum, choices);
        return decision;
    }

    private void announce(String voteId, String businessKey, String clusterId, String caseTitle, Decision decision,
                          int eligible, int quorum, Choices choices) {
        Tally tally = choices.any() ? chosen(voteId, eligible, quorum, choices, decision.decision())
                : ballots.tally(voteId, eligible, quorum);
        String label = choices.label(decision.decision());
        for (Person member : directory.peopleWithRole(clusterId, Role.BOARD)) {
            outbox.queue(member, "vote-outcome", Map.ofEntries(Map.entry("caseTitle", caseTitle),
                    Map.entry("question", question(businessKey, member)), Map.entry("decision", decision.decision()),
                    Map.entry("decisionLabel", label == null ? "" : label),
                    Map.entry("reason", decision.reason() == null ? "" : decision.reason()), Map.entry("tally", tally),
                    Map.entry("businessKey", businessKey), Map.entry("subjectArg", caseTitle)), businessKey);
        }
        ballots.recordDecision(voteId, clusterId, businessKey, caseTitle, decision.decision(), label, decision.reason(),
                tally, questions.of(businessKey, UKRAINIAN).orElse(null), questions.of(businessKey, Locale.ENGLISH)
                        .orElse(null));
        event(businessKey, "vote-closed", (label == null ? Detail.text("board.decision." + decision.decision()) : label)
                + " (" + Detail.tally(tally.approvals(), tally.rejections(), tally.abstentions()) + ")");
    }

    /** A vote among options counted as for the option chosen, for the others, and abstaining. */
    private Tally chosen(String voteId, int eligible, int quorum, Choices choices, String option) {
        List<BallotRepository.Ballot> cast = ballots.ballots(voteId);
        int forChosen = (int) cast.stream().filter(b -> b.choice().equals(option)).count();
        int abstained = (int) cast.stream().filter(b -> Tally.ABSTAIN.equals(b.choice())).count();
        return new Tally(eligible, quorum, forChosen, cast.size() - forChosen - abstained, abstained);
    }

    /** What the board is asked, in words, in the recipient's language; empty where the case has no question. */
    private String question(String businessKey, Person recipient) {
        return questions.of(businessKey, "en".equals(recipient.language()) ? Locale.ENGLISH : UKRAINIAN).orElse("");
    }

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    /** A voter left the board before casting their ballot: it is withdrawn, the vote goes on among the others. */
    public void ballotWithdrawn(String businessKey, String voter, int eligible, int quorum) {
        event(businessKey, "ballot-withdrawn", directory.displayName(voter) + " · " + eligible + " / " + quorum);
    }

    private void event(String businessKey, String action, String detail) {
        cases.addEventIfRecorded(businessKey, null, action, detail);
    }
}
