package ua.clusterflow.board.process;

import java.util.Arrays;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ua.clusterflow.board.BoardVoteService;
import ua.clusterflow.board.Tally;
import ua.clusterflow.cluster.LeftTheBoard;

/**
 * A ballot is personal: when its voter leaves the board, their open ballots are withdrawn from the votes (never
 * handed to a colleague with their other tasks), and each vote goes on among the voters who remain, its quorum counted
 * anew from them. A ballot cast before leaving stays counted. The last open ballot withdrawn has the vote counted.
 */
@Component
class BallotWithdrawal {

    private static final String BALLOTS = BoardVoteProcess.TASK_CAST_VOTE + "#multiInstanceBody";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final BoardVoteService votes;

    BallotWithdrawal(TaskService tasks, RuntimeService runtime, BoardVoteService votes) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.votes = votes;
    }

    @EventListener
    public void leftTheBoard(LeftTheBoard left) {
        for (Task ballot : tasks.createTaskQuery().tenantIdIn(left.clusterId()).taskAssignee(left.userId())
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).listPage(0, 1000)) {
            withdraw(ballot, left.userId());
        }
    }

    private void withdraw(Task ballot, String voter) {
        String voteId = ballot.getProcessInstanceId();
        String businessKey = runtime.createProcessInstanceQuery().processInstanceId(voteId).singleResult()
                .getBusinessKey();
        ActivityInstance body = runtime.getActivityInstance(voteId).getActivityInstances(BALLOTS)[0];
        ActivityInstance own = Arrays.stream(body.getChildActivityInstances())
                .filter(i -> Arrays.asList(i.getExecutionIds()).contains(ballot.getExecutionId()))
                .findFirst().orElseThrow();
        Integer eligibleBefore = (Integer) runtime.getVariable(voteId, BoardVoteProcess.ELIGIBLE.name());
        Integer percent = (Integer) runtime.getVariable(voteId, BoardVoteProcess.QUORUM_PERCENT.name());
        int eligible = Math.max(0, (eligibleBefore == null ? 1 : eligibleBefore) - 1);
        int quorum = Tally.quorumOf(eligible, percent == null ? 51 : percent);
        BoardVoteProcess.ELIGIBLE.setOn(runtime, voteId, eligible);
        BoardVoteProcess.QUORUM.setOn(runtime, voteId, quorum);
        if (body.getChildActivityInstances().length == 1) {
            // no other ballot is open: the vote is counted now, among those who voted
            BoardEngine.countNow(runtime.createProcessInstanceModification(voteId));
        } else {
            runtime.createProcessInstanceModification(voteId).cancelActivityInstance(own.getId()).execute(true, true);
        }
        votes.ballotWithdrawn(businessKey, voter, eligible, quorum);
    }
}
