package ua.clusterflow.board.process;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.clusterflow.board.BoardCases;
import ua.clusterflow.board.Motion;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.tasklist.ProcessVariables;

/** The board's motions and votes on the engine: {@code board-motion.bpmn} started, a vote's open ballots read. */
@Component
class BoardEngine implements BoardCases {

    private final RuntimeService runtime;
    private final TaskService tasks;

    BoardEngine(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void startMotion(Motion motion, String title) {
        runtime.startProcessInstanceByKey(MotionProcess.KEY, motion.businessKey(), Variables.createVariables()
                .putValue(ClusterTenantPlugin.CLUSTER.name(), motion.clusterId())
                .putValue(MotionProcess.PROPOSER.name(), motion.proposer())
                .putValue(MotionProcess.CLOSES_AT.name(), Date.from(motion.closesAt()))
                .putValue(MotionProcess.QUORUM_PERCENT.name(), motion.quorumPercent())
                .putValue(MotionProcess.OPTIONS.name(), motion.options())
                .putValue(ProcessVariables.CASE_TITLE.name(), title));
    }

    @Override
    public String options(String voteId) {
        VariableInstance options = runtime.createVariableInstanceQuery().processInstanceIdIn(voteId)
                .variableName(BoardVoteProcess.OPTIONS.name()).singleResult();
        return options == null || options.getValue() == null ? null : options.getValue().toString();
    }

    @Override
    public boolean takesBallots(String voteId) {
        return tasks.createTaskQuery().processInstanceId(voteId).taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE)
                .count() > 0;
    }
}
