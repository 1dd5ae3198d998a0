package ua.clusterflow.board.process;

import static ua.clusterflow.board.process.BoardVoteProcess.*;
import static ua.clusterflow.tasklist.ProcessVariables.*;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import ua.clusterflow.board.BoardVoteService;
import ua.clusterflow.board.VoteOutcome;
import ua.clusterflow.engine.ClusterTenantPlugin;

/** The steps of {@code board-vote.bpmn}, each mapping the vote's variables to one service call. */
@Configuration(proxyBeanMethods = false)
public class BoardVoteDelegates {

    private static final int DEFAULT_DAYS = 7;
    private static final int DEFAULT_QUORUM_PERCENT = 51;

    private final BoardVoteService votes;

    public BoardVoteDelegates(BoardVoteService votes) {
        this.votes = votes;
    }

    /** Who votes, for the multi-instance ballot: {@code camunda:collection="${boardVoters.of(execution)}"}. */
    @Component("boardVoters")
    public static class BoardVoters {
        private final BoardVoteService votes;

        public BoardVoters(BoardVoteService votes) {
            this.votes = votes;
        }

        public List<String> of(DelegateExecution execution) {
            return votes.voters(cluster(execution), text(execution, EXCLUDED_VOTER));
        }
    }

    @Bean
    JavaDelegate openVoteDelegate() {
        return execution -> {
            int days = number(execution, VOTE_DAYS, DEFAULT_DAYS);
            int percent = number(execution, QUORUM_PERCENT, DEFAULT_QUORUM_PERCENT);
            BoardVoteService.VoteSetup setup = votes.open(execution.getProcessBusinessKey(), cluster(execution),
                    text(execution, EXCLUDED_VOTER), days, percent);
            execution.setVariable(ELIGIBLE, setup.eligible());
            execution.setVariable(QUORUM, setup.quorum());
            execution.setVariable(DEADLINE, setup.deadline());
            execution.setVariable(REMINDER_AT, setup.reminderAt());
            execution.setVariable(OUTCOME, VoteOutcome.OPEN.value());
            if (execution.getVariable(SETTLER_ROLE) == null) {
                execution.setVariable(SETTLER_ROLE, "coordinator");
            }
        };
    }

    /** On completing a ballot task: records the ballot and whether it decides the vote. */
    @Bean
    TaskListener recordBallotListener() {
        return task -> {
            DelegateExecution execution = task.getExecution();
            VoteOutcome outcome = votes.cast(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                    task.getAssignee(), text(execution, VOTE), text(execution, VOTE_COMMENT),
                    number(execution, ELIGIBLE, 0), number(execution, QUORUM, 0));
            execution.getProcessInstance().setVariable(OUTCOME, outcome.value());
        };
    }

    @Bean
    JavaDelegate countVotesDelegate() {
        return execution -> execution.setVariable(OUTCOME, votes.count(execution.getProcessInstanceId(),
                number(execution, ELIGIBLE, 0), number(execution, QUORUM, 0)).value());
    }

    @Bean
    JavaDelegate remindVotersDelegate() {
        return execution -> votes.remind(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                cluster(execution), text(execution, EXCLUDED_VOTER), text(execution, CASE_TITLE),
                (Date) execution.getVariable(DEADLINE));
    }

    @Bean
    JavaDelegate announceOutcomeDelegate() {
        return execution -> {
            String outcome = text(execution, OUTCOME);
            if (outcome == null || VoteOutcome.OPEN.value().equals(outcome)) {
                // no ballot decided the vote before it closed: the count at the close decides
                outcome = votes.count(execution.getProcessInstanceId(), number(execution, ELIGIBLE, 0),
                        number(execution, QUORUM, 0)).value();
            }
            boolean settled = VoteOutcome.UNDECIDED.value().equals(outcome);
            String decision = settled ? text(execution, SETTLE_DECISION) : outcome;
            String reason = settled ? text(execution, SETTLE_REASON)
                    : votes.rejectionReasons(execution.getProcessInstanceId());
            execution.setVariable(BOARD_DECISION, decision);
            execution.setVariable(BOARD_REASON, reason);
            votes.announce(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), cluster(execution),
                    text(execution, CASE_TITLE), decision, reason, number(execution, ELIGIBLE, 0),
                    number(execution, QUORUM, 0));
        };
    }

    private static String cluster(DelegateExecution execution) {
        return execution.getTenantId() != null ? execution.getTenantId()
                : text(execution, ClusterTenantPlugin.CLUSTER_VARIABLE);
    }
}
