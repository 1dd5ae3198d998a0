package ua.clusterflow.followup.process;

import java.util.Date;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.followup.FollowUpCases;

/** A follow-up ({@code bpmn/follow-up.bpmn}): the owner's task, the reminder before its day, the overdue notice. */
public final class FollowUpProcess {

    public static final String KEY = FollowUpCases.PROCESS_KEY;

    public static final String TASK_DO_FOLLOW_UP = "Task_DoFollowUp";
    public static final String TIMER_REMINDER = "Timer_FollowUpReminder";
    public static final String TIMER_OVERDUE = "Timer_FollowUpOverdue";
    public static final String END_DONE = "End_FollowUpDone";
    public static final String END_OVERDUE_NOTICED = "End_OverdueNoticed";

    public static final Variable<Long> FOLLOW_UP_ID = Variable.id("followUpId");
    public static final Variable<String> OWNER = Variable.text("owner");
    public static final Variable<Date> REMIND_AT = Variable.moment("followUpRemindAt");
    public static final Variable<Date> DUE_AT = Variable.moment("followUpDueAt");
    public static final Variable<String> OUTCOME = Variable.text("followUpOutcome");
    public static final Variable<String> LED_TO = Variable.text("followUpLedTo");

    private FollowUpProcess() {
    }
}
