package ua.clusterflow.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.TaskProblem;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/**
 * The whole board votes in the same moment, through the same path as the ballot form: every ballot either counts
 * or its voter is told the vote has closed, nothing is counted twice, and the vote decides once.
 */
class ConcurrentBallotsTest extends IntegrationTest {

    static final List<String> BOARD = List.of("petro", "iryna", "andriy", "maria", "taras");

    @Autowired TaskWorkService work;
    @Autowired BallotRepository ballots;

    /** Repeated, since which ballots meet which in the race differs from run to run. */
    @RepeatedTest(10)
    void ballotsCastAtOnceAreEachCountedOnceAndTheVoteDecidesOnce() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Одночасно»", newEdrpou(), "together@example.com");
        complete(app.reference(), OnboardingProcess.TASK_REVIEW, "olena",
                Map.of(OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_ACCEPT));
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(app.reference())
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).list();
        assertThat(open).hasSize(BOARD.size());
        String voteId = open.get(0).getProcessInstanceId();

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (String voter : BOARD) {
            Task ballot = open.stream().filter(t -> voter.equals(t.getAssignee())).findFirst().orElseThrow();
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    work.complete(user(voter), ballot.getId(), FormSubmission.ofValues(
                            Map.of(BoardVoteProcess.VOTE.name(), "approve", BoardVoteProcess.VOTE_COMMENT.name(), "Разом")));
                    return "counted";
                } catch (TaskProblem problem) {
                    return problem.messageKey();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<String> attempt : attempts) {
            outcomes.add(attempt.get());
        }

        assertThat(outcomes).allMatch(o -> o.equals("counted") || o.equals("task.gone"));
        long counted = outcomes.stream().filter("counted"::equals).count();
        assertThat(counted).isGreaterThanOrEqualTo(3);
        assertThat(ballots.ballots(voteId)).hasSize((int) counted)
                .extracting(BallotRepository.Ballot::voter).doesNotHaveDuplicates();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(voteId).finished().count())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(app.reference())
                .taskDefinitionKey(OnboardingProcess.TASK_CONFIRM_PAYMENT).count()).as("the case moves on once")
                .isEqualTo(1);
    }
}
