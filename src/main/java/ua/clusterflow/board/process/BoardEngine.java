package ua.clusterflow.board.process;

import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.springframework.stereotype.Component;
import ua.clusterflow.board.BoardCases;
import ua.clusterflow.board.Motion;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.tasklist.ProcessVariables;

/** The board's motions and votes on the engine: {@code board-motion.bpmn} started, a vote's open ballots read. */
@Component
class BoardEngine implements BoardCases {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;

    BoardEngine(RuntimeService runtime, TaskService tasks, HistoryService history) {
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void startMotion(Motion motion, String title) {
        runtime.startProcessInstanceByKey(MotionProcess.KEY, motion.businessKey(), Variable.values()
                .and(ClusterTenantPlugin.CLUSTER, motion.clusterId())
                .and(MotionProcess.PROPOSER, motion.proposer())
                .and(MotionProcess.CLOSES_AT, Date.from(motion.closesAt()))
                .and(MotionProcess.QUORUM_PERCENT, motion.quorumPercent())
                .and(MotionProcess.OPTIONS, motion.options())
                .and(ProcessVariables.CASE_TITLE, title));
    }

    @Override
    public String options(String voteId) {
        // the history keeps the vote's variables once it has closed too, for its page and its count
        HistoricVariableInstance options = history.createHistoricVariableInstanceQuery().processInstanceId(voteId)
                .variableName(BoardVoteProcess.OPTIONS.name()).singleResult();
        return options == null || options.getValue() == null ? null : options.getValue().toString();
    }

    @Override
    public boolean takesBallots(String voteId) {
        return tasks.createTaskQuery().processInstanceId(voteId).taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE)
                .count() > 0;
    }

    @Override
    public Seats seats(String voteId) {
        Integer eligible = (Integer) runtime.getVariable(voteId, BoardVoteProcess.ELIGIBLE.name());
        Integer quorum = (Integer) runtime.getVariable(voteId, BoardVoteProcess.QUORUM.name());
        return new Seats(eligible == null ? 0 : eligible, quorum == null ? 0 : quorum);
    }

    @Override
    public void countNow(String voteId) {
        countNow(runtime.createProcessInstanceModification(voteId));
    }

    /** The modification, with the vote's open ballots closed and its count started, carried out. */
    static void countNow(ProcessInstanceModificationBuilder modification) {
        modification.startBeforeActivity(BoardVoteProcess.GATEWAY_COUNT)
                .cancelAllForActivity(BoardVoteProcess.TASK_CAST_VOTE + "#multiInstanceBody").execute(true, true);
    }
}
