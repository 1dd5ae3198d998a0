package ua.clusterflow.onboarding.process;

import ua.clusterflow.engine.Variable;
import ua.clusterflow.onboarding.OnboardingCases;
import ua.clusterflow.tasklist.ProcessVariables;

/** The member-onboarding model ({@code bpmn/member-onboarding.bpmn}): its key, elements and variables. */
public final class OnboardingProcess {

    public static final String KEY = OnboardingCases.PROCESS_KEY;

    public static final String TASK_REVIEW = "Task_ReviewApplication";
    public static final String TASK_AWAIT_AMENDMENT = "Task_AwaitAmendment";
    public static final String TASK_CONFIRM_PAYMENT = "Task_ConfirmPayment";
    public static final String CALL_BOARD_VOTE = "Call_BoardVote";
    public static final String TIMER_REVIEW_REMINDER = "Timer_ReviewReminder";
    public static final String TIMER_AMEND_REMINDER = "Timer_AmendReminder";
    public static final String TIMER_ABANDON = "Timer_Abandon";
    public static final String TIMER_PAYMENT_REMINDER = "Timer_PaymentReminder";
    public static final String END_WELCOMED = "End_Welcomed";
    public static final String END_DUPLICATE = "End_Duplicate";
    public static final String END_REJECTED = "End_Rejected";
    public static final String END_ABANDONED = "End_Abandoned";
    public static final String END_BOARD_REJECTED = "End_BoardRejected";
    public static final String END_PAYMENT_CANCELLED = "End_PaymentCancelled";

    public static final String MSG_APPLICATION_AMENDED = "ApplicationAmended";

    public static final Variable<Long> APPLICATION_ID = Variable.id("applicationId");
    public static final Variable<String> CASE_TITLE = ProcessVariables.CASE_TITLE;
    public static final Variable<Boolean> DUPLICATE = Variable.flag("duplicate");
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final Variable<String> REVIEW_COMMENT = Variable.text("reviewComment");
    public static final String PAYMENT_OUTCOME = "paymentOutcome";
    public static final String PAYMENT_REFERENCE = "paymentReference";
    public static final String BOARD_DECISION = "boardDecision";
    public static final Variable<String> BOARD_REASON = Variable.text("boardReason");

    public static final String DECISION_ACCEPT = "accept";
    public static final String DECISION_MORE_INFO = "moreInfo";
    public static final String DECISION_REJECT = "reject";
    public static final String PAYMENT_PAID = "paid";
    public static final String PAYMENT_CANCELLED = "cancelled";

    private OnboardingProcess() {
    }
}
