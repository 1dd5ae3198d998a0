package ua.clusterflow.meetup.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import ua.clusterflow.engine.SlotVariable;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.meetup.MeetupCases;

/** The tech-meetup model ({@code bpmn/tech-meetup.bpmn}): its key, elements and variables. */
public final class MeetupProcess {

    public static final String KEY = MeetupCases.PROCESS_KEY;

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

    public static final Variable<Long> MEETUP_ID = Variable.id("meetupId");
    public static final Variable<Long> EXPERT_ID = Variable.id("expertId");
    public static final Variable<String> APPROVER = Variable.text("approver");
    public static final Variable<String> APPROVAL_DECISION = Variable.text("approvalDecision");
    /** The approver's yes, as the model's gateway compares {@link #APPROVAL_DECISION} with it. */
    public static final String APPROVED = "approve";
    public static final Variable<String> APPROVAL_COMMENT = Variable.text("approvalComment");
    public static final Variable<Boolean> ENOUGH_EXPERTS = Variable.flag("enoughExperts");
    public static final Variable<Date> DAY_BEFORE = Variable.moment("dayBefore");
    public static final Variable<Date> ENDS_AT = Variable.moment("endsAt");

    /** Who approves a meetup ({@code bpmn/meetup-approval.dmn}), by its budget. */
    public static final String APPROVER_TABLE = "meetup-approval";
    public static final String IN_BUDGET = "budget";

    /** The shortlist form's slots for experts, each field named {@code expert<slot><Field>} (expert1Name, ...). */
    public static final int EXPERT_SLOTS = 6;
    public static final SlotVariable EXPERT_NAME = new SlotVariable("expert", "Name");
    public static final SlotVariable EXPERT_EMAIL = new SlotVariable("expert", "Email");
    public static final SlotVariable EXPERT_CATEGORY = new SlotVariable("expert", "Category");
    public static final SlotVariable EXPERT_LANGUAGE = new SlotVariable("expert", "Language");
    public static final List<SlotVariable> EXPERT_FIELDS = List.of(EXPERT_NAME, EXPERT_EMAIL, EXPERT_CATEGORY,
            EXPERT_LANGUAGE);

    public static final Variable<LocalDate> MEETUP_DATE = Variable.day("meetupDate");
    public static final Variable<String> START_TIME = Variable.text("startTime");
    public static final Variable<Integer> DURATION_HOURS = Variable.number("durationHours");
    public static final Variable<String> VENUE = Variable.text("venue");
    public static final Variable<String> ONLINE_LINK = Variable.text("onlineLink");
    public static final Variable<Integer> CAPACITY_OFFLINE = Variable.number("capacityOffline");
    public static final Variable<Integer> CAPACITY_ONLINE = Variable.number("capacityOnline");
    public static final Variable<BigDecimal> BUDGET = Variable.amount("budget");
    public static final Variable<Integer> ATTENDANCE = Variable.number("attendance");
    public static final Variable<String> SUMMARY = Variable.text("summary");
    public static final Variable<String> AGENDA_ITEMS = Variable.text("agendaItems");
    public static final Variable<String> FOLLOW_UPS = Variable.text("followUps");

    private MeetupProcess() {
    }
}
