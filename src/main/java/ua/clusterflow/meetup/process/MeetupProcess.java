package ua.clusterflow.meetup.process;

/** The tech-meetup model ({@code bpmn/tech-meetup.bpmn}): its key, elements and variables. */
public final class MeetupProcess {

    public static final String KEY = "TechMeetup";

    public static final String TASK_PLAN = "Task_PlanMeetup";
    public static final String TASK_APPROVE = "Task_ApproveMeetup";
    public static final String CALL_BOARD_VOTE = "Call_BoardVote";
    public static final String TASK_SHORTLIST = "Task_ShortlistExperts";
    public static final String SUBPROCESS_ANSWERS = "SubProcess_ExpertAnswers";
    public static final String TASK_AWAIT_ANSWER = "Task_AwaitAnswer";
    public static final String TIMER_EXPERT_REMINDER = "Timer_ExpertReminder";
    public static final String TIMER_ANSWER_DEADLINE = "Timer_AnswerDeadline";
    public static final String TIMER_DAY_BEFORE = "Timer_DayBefore";
    public static final String TIMER_MEETUP_OVER = "Timer_MeetupOver";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordMeetupOutcome";
    /** Runs on its own after the outcome is recorded, retried R3/PT10M, then an incident. */
    public static final String TASK_SEND_REPORT = "Task_SendReport";
    public static final String END_NOT_APPROVED = "End_NotApproved";
    public static final String END_REPORTED = "End_Reported";
    public static final String END_CANCELLED = "End_Cancelled";

    public static final String MSG_EXPERT_ANSWERED = "ExpertAnswered";
    public static final String MSG_CANCELLED = "MeetupCancelled";

    public static final String MEETUP_ID = "meetupId";
    public static final String EXPERT_ID = "expertId";
    public static final String APPROVER = "approver";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String ENOUGH_EXPERTS = "enoughExperts";
    public static final String DAY_BEFORE = "dayBefore";
    public static final String ENDS_AT = "endsAt";

    private MeetupProcess() {
    }
}
