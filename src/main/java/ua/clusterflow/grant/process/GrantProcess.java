package ua.clusterflow.grant.process;

import java.math.BigDecimal;
import java.util.Date;
import ua.clusterflow.engine.SlotVariable;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.grant.GrantCases;

/** The grant-application model ({@code bpmn/grant-application.bpmn}): its key, elements and variables. */
public final class GrantProcess {

    public static final String KEY = GrantCases.PROCESS_KEY;

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

    public static final Variable<Long> APPLICATION_ID = Variable.id("applicationId");
    public static final Variable<String> APPLICANT = Variable.text("applicant");
    public static final Variable<Date> DEADLINE_END = Variable.moment("callDeadlineEnd");
    public static final Variable<Date> WEEK_BEFORE = Variable.moment("remindWeekBefore");
    public static final Variable<Date> DAY_BEFORE = Variable.moment("remindDayBefore");
    public static final String SCREENING_DECISION = "screeningDecision";
    public static final Variable<String> SCREENING_COMMENT = Variable.text("screeningComment");
    public static final Variable<Boolean> PARTNERS_NEEDED = Variable.flag("partnersNeeded");
    public static final Variable<String> REVIEW_OUTCOME = Variable.text("reviewOutcome");
    public static final Variable<String> SUBMISSION_REFERENCE = Variable.text("submissionReference");
    public static final Variable<String> OUTCOME = Variable.text("outcome");
    public static final Variable<BigDecimal> AMOUNT_GRANTED = Variable.amount("amountGranted");

    /** The screening table ({@code bpmn/grant-screening.dmn}), its inputs and its output column. */
    public static final String SCREENING_TABLE = "grant-screening";
    public static final String IN_PROGRAMME = "programme";
    public static final String IN_DAYS_TO_DEADLINE = "daysToDeadline";
    public static final String IN_BUDGET = "budget";
    public static final String IN_EU_PARTNERS = "euPartners";
    public static final String IN_EU_PARTNERS_REQUIRED = "euPartnersRequired";
    public static final String OUT_CHECK = "check";
    /** The EU partners a programme asks for (a second table in {@code bpmn/grant-screening.dmn}), by programme. */
    public static final String EU_PARTNERS_TABLE = "grant-eu-partners";

    /** The partners found (two slots) and the reviewers invited (three slots), as the forms name them. */
    public static final int PARTNER_SLOTS = 2;
    public static final SlotVariable PARTNER_NAME = new SlotVariable("partner", "Name");
    public static final SlotVariable PARTNER_COUNTRY = new SlotVariable("partner", "Country");
    public static final SlotVariable PARTNER_ROLE = new SlotVariable("partner", "Role");
    public static final int REVIEWER_SLOTS = 3;
    public static final SlotVariable REVIEWER_NAME = new SlotVariable("reviewer", "Name");
    public static final SlotVariable REVIEWER_EMAIL = new SlotVariable("reviewer", "Email");
    public static final SlotVariable REVIEWER_LANGUAGE = new SlotVariable("reviewer", "Language");
    /** The board vote's reason, when it did not support the application. */
    public static final Variable<String> BOARD_REASON = Variable.text("boardReason");

    private GrantProcess() {
    }
}
