package ua.clusterflow.board.process;

import java.util.Date;
import ua.clusterflow.engine.Variable;

/**
 * The shared board vote ({@code bpmn/board-vote.bpmn}), called from every process that needs the
 * board. Inputs: the case's business key, {@code clusterId}, {@code caseTitle}, and optionally
 * {@code voteDays} or {@code voteClosesAt}, {@code quorumPercent}, {@code excludedVoter}, {@code settlerRole} and
 * {@code voteOptions} (options to choose among, one to a line, in place of approving or rejecting).
 * Outputs: {@code boardDecision} (approve or reject, or the option chosen: option1 … option6) and {@code boardReason}.
 */
public final class BoardVoteProcess {

    public static final String KEY = "BoardVote";

    public static final String TASK_CAST_VOTE = "Task_CastVote";
    public static final String TASK_SETTLE_VOTE = "Task_SettleVote";
    public static final String GATEWAY_COUNT = "Gateway_CountVotesJoin";
    public static final String TIMER_VOTE_DEADLINE = "Timer_VoteDeadline";
    public static final String TIMER_VOTE_REMINDER = "Timer_VoteReminder";
    public static final String END_VOTE_CLOSED = "End_VoteClosed";

    public static final Variable<Integer> VOTE_DAYS = Variable.number("voteDays");
    public static final Variable<Date> CLOSES_AT = Variable.moment("voteClosesAt");
    public static final Variable<String> OPTIONS = Variable.text("voteOptions");
    /** The ballot's and the chair's choices for a vote among options, as the forms' {@code choicesFrom} reads them. */
    public static final Variable<String> BALLOT_CHOICES = Variable.text("voteChoices");
    public static final Variable<String> SETTLE_CHOICES = Variable.text("settleChoices");
    public static final Variable<Integer> QUORUM_PERCENT = Variable.number("quorumPercent");
    public static final Variable<String> EXCLUDED_VOTER = Variable.text("excludedVoter");
    public static final Variable<String> SETTLER_ROLE = Variable.text("settlerRole");
    public static final String VOTER = "voter";
    public static final Variable<Integer> ELIGIBLE = Variable.number("eligibleVoters");
    public static final Variable<Integer> QUORUM = Variable.number("quorum");
    public static final Variable<Date> DEADLINE = Variable.moment("voteDeadline");
    public static final Variable<Date> REMINDER_AT = Variable.moment("voteReminderAt");
    public static final Variable<String> OUTCOME = Variable.text("voteOutcome");
    public static final Variable<String> VOTE = Variable.text("vote");
    public static final Variable<String> VOTE_COMMENT = Variable.text("voteComment");
    public static final Variable<String> SETTLE_DECISION = Variable.text("settleDecision");
    public static final Variable<String> SETTLE_REASON = Variable.text("settleReason");
    public static final Variable<String> BOARD_DECISION = Variable.text("boardDecision");
    public static final Variable<String> BOARD_REASON = Variable.text("boardReason");

    private BoardVoteProcess() {
    }
}
