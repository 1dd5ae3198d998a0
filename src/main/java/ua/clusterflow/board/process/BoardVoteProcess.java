package ua.clusterflow.board.process;

/**
 * The shared board vote ({@code bpmn/board-vote.bpmn}), called from every process that needs the
 * board. Inputs: the case's business key, {@code clusterId}, {@code caseTitle}, and optionally
 * {@code voteDays}, {@code quorumPercent}, {@code excludedVoter} and {@code settlerRole}.
 * Outputs: {@code boardDecision} (approve or reject) and {@code boardReason}.
 */
public final class BoardVoteProcess {

    public static final String KEY = "BoardVote";

    public static final String TASK_CAST_VOTE = "Task_CastVote";
    public static final String TASK_SETTLE_VOTE = "Task_SettleVote";
    public static final String TIMER_VOTE_DEADLINE = "Timer_VoteDeadline";
    public static final String TIMER_VOTE_REMINDER = "Timer_VoteReminder";
    public static final String END_VOTE_CLOSED = "End_VoteClosed";

    public static final String VOTE_DAYS = "voteDays";
    public static final String QUORUM_PERCENT = "quorumPercent";
    public static final String EXCLUDED_VOTER = "excludedVoter";
    public static final String SETTLER_ROLE = "settlerRole";
    public static final String VOTER = "voter";
    public static final String ELIGIBLE = "eligibleVoters";
    public static final String QUORUM = "quorum";
    public static final String DEADLINE = "voteDeadline";
    public static final String REMINDER_AT = "voteReminderAt";
    public static final String OUTCOME = "voteOutcome";
    public static final String VOTE = "vote";
    public static final String VOTE_COMMENT = "voteComment";
    public static final String SETTLE_DECISION = "settleDecision";
    public static final String SETTLE_REASON = "settleReason";
    public static final String BOARD_DECISION = "boardDecision";
    public static final String BOARD_REASON = "boardReason";

    private BoardVoteProcess() {
    }
}
