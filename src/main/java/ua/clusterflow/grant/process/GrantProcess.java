package ua.clusterflow.grant.process;

/** The grant-application model ({@code bpmn/grant-application.bpmn}): its key, elements and variables. */
public final class GrantProcess {

    public static final String KEY = "GrantApplication";

    public static final String TASK_SCREEN = "Task_ScreenApplication";
    /** Runs on its own after the board's support, retried R3/PT10M, then an incident. */
    public static final String TASK_ISSUE_LETTER = "Task_IssueLetter";
    public static final String TASK_AWAIT_REVISION = "Task_AwaitRevision";
    public static final String TASK_FIND_PARTNERS = "Task_FindPartners";
    public static final String TASK_ASSIGN_REVIEWERS = "Task_AssignReviewers";
    public static final String TASK_AWAIT_REVIEWS = "Task_AwaitReviews";
    public static final String CALL_BOARD_VOTE = "Call_BoardVote";
    public static final String TASK_RECORD_SUBMISSION = "Task_RecordSubmission";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String TIMER_REVISION_REMINDER = "Timer_RevisionReminder";
    public static final String TIMER_REVISION_DEADLINE = "Timer_RevisionDeadline";
    public static final String TIMER_REVIEW_REMINDER = "Timer_ReviewReminder";
    public static final String TIMER_REVIEW_DEADLINE = "Timer_ReviewDeadline";
    public static final String TIMER_SUBMISSION_WEEK = "Timer_SubmissionWeekBefore";
    public static final String TIMER_SUBMISSION_DAY = "Timer_SubmissionDayBefore";
    public static final String TIMER_CALL_DEADLINE = "Timer_CallDeadline";
    public static final String TIMER_OUTCOME_REMINDER = "Timer_OutcomeReminder";
    public static final String END_DECLINED = "End_Declined";
    public static final String END_NOT_SUPPORTED = "End_NotSupported";
    public static final String END_MISSED = "End_Missed";
    public static final String END_OUTCOME_RECORDED = "End_OutcomeRecorded";

    public static final String MSG_RESUBMITTED = "GrantResubmitted";
    public static final String MSG_REVIEWS_COMPLETE = "GrantReviewsComplete";

    public static final String APPLICATION_ID = "applicationId";
    public static final String APPLICANT = "applicant";
    public static final String DEADLINE_END = "callDeadlineEnd";
    public static final String WEEK_BEFORE = "remindWeekBefore";
    public static final String DAY_BEFORE = "remindDayBefore";
    public static final String SCREENING_DECISION = "screeningDecision";
    public static final String SCREENING_COMMENT = "screeningComment";
    public static final String PARTNERS_NEEDED = "partnersNeeded";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String SUBMISSION_REFERENCE = "submissionReference";
    public static final String OUTCOME = "outcome";
    public static final String AMOUNT_GRANTED = "amountGranted";

    private GrantProcess() {
    }
}
