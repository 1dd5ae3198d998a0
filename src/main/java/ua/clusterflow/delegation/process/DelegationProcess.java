package ua.clusterflow.delegation.process;

import java.time.LocalDate;
import java.util.Date;
import ua.clusterflow.delegation.DelegationCases;
import ua.clusterflow.engine.Variable;

/** The board-role-delegation model ({@code bpmn/board-role-delegation.bpmn}): its key, elements and variables. */
public final class DelegationProcess {

    public static final String KEY = DelegationCases.PROCESS_KEY;

    public static final String TASK_CONSIDER_NOMINATION = "Task_ConsiderNomination";
    public static final String TASK_REVISE_PROPOSAL = "Task_ReviseProposal";
    public static final String CALL_BOARD_VOTE = "Call_BoardVote";
    public static final String TIMER_NOMINATION_REMINDER = "Timer_NominationReminder";
    public static final String TIMER_RENEWAL_DUE = "Timer_RenewalDue";
    public static final String TASK_ASK_RENEWAL = "Task_AskRenewal";
    public static final String TIMER_TERM_ENDS = "Timer_TermEnds";
    public static final String TIMER_HAND_OVER = "Timer_HandOverAtTermEnd";
    public static final String CALL_REVOCATION_VOTE = "Call_RevocationVote";
    public static final String END_WITHDRAWN = "End_Withdrawn";
    public static final String END_NOT_APPROVED = "End_NotApproved";
    public static final String END_TERM_ENDED = "End_TermEnded";
    public static final String END_REVOKED = "End_Revoked";
    public static final String END_REVOCATION_REJECTED = "End_RevocationRejected";

    public static final String MSG_REVOCATION_REQUESTED = "RoleRevocationRequested";

    public static final Variable<Long> TERM_ID = Variable.id("termId");
    public static final Variable<String> NOMINEE = Variable.text("nominee");
    public static final Variable<String> PROPOSER = Variable.text("proposer");
    public static final Variable<String> HOLDER = Variable.text("holder");
    public static final Variable<Date> RENEWAL_AT = Variable.moment("renewalAt");
    public static final Variable<Date> TERM_END_AT = Variable.moment("termEndAt");
    public static final String NOMINATION_ANSWER = "nominationAnswer";
    public static final String NOMINATION_COMMENT = "nominationComment";
    public static final String REVISION_ACTION = "revisionAction";
    public static final Variable<String> NEW_NOMINEE = Variable.text("newNominee");
    public static final String RENEWAL_DECISION = "renewalDecision";
    public static final Variable<LocalDate> NEW_TERM_END = Variable.day("newTermEnd");
    public static final Variable<String> SUCCESSOR = Variable.text("successor");

    public static final Variable<String> BOARD_REASON = Variable.text("boardReason");

    private DelegationProcess() {
    }
}
