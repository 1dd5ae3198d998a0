package ua.clusterflow.membership.process;

/** The membership-renewal model ({@code bpmn/membership-renewal.bpmn}): its key, elements and variables. */
public final class MembershipProcess {

    public static final String KEY = "MembershipRenewal";

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
    public static final String MSG_EXCLUSION = "MembershipExclusionProposed";

    public static final String ORGANISATION_ID = "organisationId";
    public static final String CASE_TITLE = ua.clusterflow.tasklist.ProcessVariables.CASE_TITLE;
    /** The first day of the membership year, as {@code yyyy-MM-dd}. */
    public static final String YEAR_FROM = "yearFrom";
    public static final String RENEWAL_AT = "renewalAt";
    public static final String PAY_BY = "payBy";
    public static final String LAPSES_ON = "lapsesOn";
    public static final String DUES = "dues";
    public static final String PAID_ON = "paidOn";
    public static final String PAYMENT_REFERENCE = "paymentReference";
    public static final String NOTICE_ENDS = "noticeEnds";
    public static final String REASON = "membershipReason";
    public static final String ACTOR = "membershipActor";
    public static final String BOARD_DECISION = "boardDecision";
    public static final String BOARD_REASON = "boardReason";

    private MembershipProcess() {
    }
}
