package ua.clusterflow.board.process;

import static ua.clusterflow.board.process.BoardVoteProcess.*;
import static ua.clusterflow.tasklist.ProcessVariables.CASE_TITLE;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import ua.clusterflow.board.BoardVoteService;
import ua.clusterflow.board.Choices;
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
            return votes.voters(cluster(execution), EXCLUDED_VOTER.from(execution));
        }
    }

    @Bean
    JavaDelegate openVoteDelegate() {
        return execution -> {
            Date closesAt = CLOSES_AT.from(execution);
            int percent = QUORUM_PERCENT.from(execution, DEFAULT_QUORUM_PERCENT);
            // kept, so that the quorum can be computed again when a voter leaves the board
            QUORUM_PERCENT.set(execution, percent);
            BoardVoteService.VoteSetup setup = votes.open(execution.getProcessBusinessKey(), cluster(execution),
                    EXCLUDED_VOTER.from(execution), closesAt != null ? closesAt.toInstant()
                            : BoardVoteService.closeAfter(VOTE_DAYS.from(execution, DEFAULT_DAYS)), percent);
            ELIGIBLE.set(execution, setup.eligible());
            QUORUM.set(execution, setup.quorum());
            DEADLINE.set(execution, setup.deadline());
            REMINDER_AT.set(execution, setup.reminderAt());
            OUTCOME.set(execution, VoteOutcome.OPEN.value());
            Choices choices = Choices.parse(OPTIONS.from(execution));
            if (choices.any()) {
                BALLOT_CHOICES.set(execution, choices.ballotChoices());
                SETTLE_CHOICES.set(execution, choices.settleChoices());
            }
            if (SETTLER_ROLE.from(execution) == null) {
                SETTLER_ROLE.set(execution, "coordinator");
            }
        };
    }

    /** On completing a ballot task: records the ballot and whether it decides the vote. */
    @Bean
    TaskListener recordBallotListener() {
        return task -> {
            DelegateExecution execution = task.getExecution();
            String outcome = votes.cast(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                    task.getAssignee(), VOTE.from(execution), VOTE_COMMENT.from(execution),
                    ELIGIBLE.from(execution, 0), QUORUM.from(execution, 0), choices(execution));
            OUTCOME.set(execution.getProcessInstance(), outcome);
        };
    }

    @Bean
    JavaDelegate countVotesDelegate() {
        return execution -> OUTCOME.set(execution, votes.count(execution.getProcessInstanceId(),
                ELIGIBLE.from(execution, 0), QUORUM.from(execution, 0), choices(execution)));
    }

    @Bean
    JavaDelegate remindVotersDelegate() {
        return execution -> votes.remind(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                cluster(execution), EXCLUDED_VOTER.from(execution), CASE_TITLE.from(execution),
                DEADLINE.from(execution));
    }

    @Bean
    JavaDelegate announceOutcomeDelegate() {
        return execution -> {
            // the chair's decision and reason count only when the vote ended undecided and went to the chair
            BoardVoteService.Decision decision = votes.close(execution.getProcessInstanceId(),
                    execution.getProcessBusinessKey(), cluster(execution), CASE_TITLE.from(execution),
                    OUTCOME.from(execution), SETTLE_DECISION.from(execution), SETTLE_REASON.from(execution),
                    ELIGIBLE.from(execution, 0), QUORUM.from(execution, 0), choices(execution));
            BOARD_DECISION.set(execution, decision.decision());
            BOARD_REASON.set(execution, decision.reason());
        };
    }

    private static Choices choices(DelegateExecution execution) {
        return Choices.parse(OPTIONS.from(execution));
    }

    private static String cluster(DelegateExecution execution) {
        return execution.getTenantId() != null ? execution.getTenantId()
                : ClusterTenantPlugin.CLUSTER.from(execution);
    }
}
