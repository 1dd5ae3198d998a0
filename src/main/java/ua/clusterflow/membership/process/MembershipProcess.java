package ua.clusterflow.membership.process;

import java.time.LocalDate;
import java.util.Date;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.membership.MembershipYears;
import ua.clusterflow.tasklist.ProcessVariables;

/** The membership-renewal model ({@code bpmn/membership-renewal.bpmn}): its key, elements and variables. */
public final class MembershipProcess {

    public static final String KEY = MembershipYears.PROCESS_KEY;

    public static final String TIMER_RENEWAL_DATE = "Timer_RenewalDate";
    public static final String TASK_CONFIRM_DUES = "Task_ConfirmDues";
    public static final String TASK_CONFIRM_DUES_IN_GRACE = "Task_ConfirmDuesInGrace";
    public static final String TASK_CONFIRM_DUES_LAPSED = "Task_ConfirmDuesLapsed";
    public static final String TIMER_DUES_REMINDER = "Timer_DuesReminder";
    public static final String TIMER_GRACE_STARTS = "Timer_GraceStarts";
    public static final String TIMER_LAPSES = "Timer_Lapses";
    public static final String TIMER_LAPSED_CLOSE = "Timer_LapsedClose";
    public static final String TIMER_NOTICE_ENDS = "Timer_NoticeEnds";
    public static final String CALL_EXCLUSION_VOTE = "Call_ExclusionVote";
    public static final String END_RENEWED = "End_Renewed";
    public static final String END_LAPSED = "End_Lapsed";
    public static final String END_RESIGNED = "End_Resigned";
    public static final String END_EXCLUDED = "End_Excluded";
    public static final String END_MEMBER_KEPT = "End_MemberKept";
    public static final String END_MEMBERSHIP_ENDED = "End_MembershipEnded";

    public static final String MSG_RESIGNATION = "MembershipResignationGiven";
    public static final String MSG_NOTICE_WITHDRAWN = "MembershipNoticeWithdrawn";
    public static final String MSG_EXCLUSION = "MembershipExclusionProposed";

    public static final Variable<Long> ORGANISATION_ID = Variable.id("organisationId");
    public static final Variable<String> CASE_TITLE = ProcessVariables.CASE_TITLE;
    /** The first day of the membership year, as {@code yyyy-MM-dd}. */
    public static final Variable<LocalDate> YEAR_FROM = Variable.day("yearFrom");
    public static final Variable<Date> RENEWAL_AT = Variable.moment("renewalAt");
    public static final Variable<Date> PAY_BY = Variable.moment("payBy");
    public static final Variable<Date> LAPSES_ON = Variable.moment("lapsesOn");
    public static final Variable<Long> DUES = Variable.longNumber("dues");
    public static final Variable<LocalDate> PAID_ON = Variable.day("paidOn");
    public static final Variable<String> PAYMENT_REFERENCE = Variable.text("paymentReference");
    public static final Variable<Date> NOTICE_ENDS = Variable.moment("noticeEnds");
    public static final Variable<String> REASON = Variable.text("membershipReason");
    public static final Variable<String> ACTOR = Variable.text("membershipActor");
    public static final String BOARD_DECISION = "boardDecision";
    public static final Variable<String> BOARD_REASON = Variable.text("boardReason");

    private MembershipProcess() {
    }
}
