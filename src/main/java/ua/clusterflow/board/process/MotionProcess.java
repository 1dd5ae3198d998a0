package ua.clusterflow.board.process;

import java.util.Date;
import ua.clusterflow.board.BoardCases;
import ua.clusterflow.engine.Variable;

/**
 * A motion ({@code bpmn/board-motion.bpmn}): a question put to the board, voted on through the shared board vote until
 * its closing time, and closed by the proposer's outcome statement.
 */
public final class MotionProcess {

    public static final String KEY = BoardCases.MOTION_PROCESS_KEY;

    public static final String CALL_BOARD_VOTE = "Call_BoardVote";
    public static final String TASK_WRITE_STATEMENT = "Task_WriteStatement";
    public static final String END_MOTION_CLOSED = "End_MotionClosed";

    public static final Variable<String> PROPOSER = Variable.text("proposer");
    public static final Variable<Date> CLOSES_AT = Variable.moment("motionClosesAt");
    public static final Variable<Integer> QUORUM_PERCENT = Variable.number("motionQuorumPercent");
    public static final Variable<String> OPTIONS = Variable.text("motionOptions");
    public static final Variable<String> STATEMENT = Variable.text("outcomeStatement");

    private MotionProcess() {
    }
}
