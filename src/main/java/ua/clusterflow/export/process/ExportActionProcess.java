package ua.clusterflow.export.process;

import java.time.LocalDate;
import java.util.Date;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.export.ExportActionCases;

/** The export-action model ({@code bpmn/export-action.bpmn}): its key, elements and variables. */
public final class ExportActionProcess {

    public static final String KEY = ExportActionCases.PROCESS_KEY;

    public static final String CALL_BOARD_VOTE = "Call_ExportBoardVote";
    public static final String TIMER_JOIN_DEADLINE = "Timer_JoinDeadline";
    public static final String TASK_SELECT = "Task_SelectParticipants";
    public static final String TASK_TOO_FEW = "Task_DecideTooFew";
    public static final String END_NOT_APPROVED = "End_ExportNotApproved";
    public static final String END_SELECTED = "End_ParticipantsSelected";
    public static final String END_CANCELLED = "End_ExportCancelled";

    public static final Variable<Long> ACTION_ID = Variable.id("exportActionId");
    public static final Variable<String> APPROVER = Variable.text("approver");
    public static final Variable<String> APPROVAL_DECISION = Variable.text("approvalDecision");
    public static final Variable<String> APPROVAL_COMMENT = Variable.text("approvalComment");
    public static final Variable<Date> JOIN_DEADLINE_AT = Variable.moment("joinDeadlineAt");
    public static final Variable<Boolean> ENOUGH_APPLICANTS = Variable.flag("enoughApplicants");
    /** The applicants as the selection form offers them, {@code id=label} lines. */
    public static final Variable<String> APPLICANT_CHOICES = Variable.text("applicantChoices");
    public static final Variable<String> SELECTED = Variable.text("selected");
    public static final Variable<String> WAITING = Variable.text("waiting");
    public static final Variable<String> SELECTION_NOTE = Variable.text("selectionNote");
    public static final Variable<String> TOO_FEW_DECISION = Variable.text("tooFewDecision");
    public static final Variable<LocalDate> NEW_DEADLINE = Variable.day("newDeadline");
    public static final Variable<String> TOO_FEW_COMMENT = Variable.text("tooFewComment");

    /** Who approves an action ({@code bpmn/export-action-approval.dmn}), by what the cluster pays. */
    public static final String APPROVER_TABLE = "export-action-approval";
    public static final String IN_CLUSTER_COST = "clusterCost";

    private ExportActionProcess() {
    }
}
