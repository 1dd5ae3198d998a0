package ua.clusterflow.board;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.clusterflow.board.process.BoardVoteProcess.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.StaffService;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/** The shared board vote ({@code board-vote.bpmn}, process BoardVote) on its own: every way a vote closes. */
class BoardVoteProcessTest extends IntegrationTest {

    private static final List<String> BOARD = List.of("petro", "iryna", "andriy", "maria", "taras");

    @BeforeEach
    void startAtNoon() {
        startAtNoonInKyiv();
    }

    @Autowired BallotRepository ballots;
    @Autowired TaskWorkService work;

    @Test
    void closesAsSoonAsMoreThanHalfOfTheBoardApproves() {
        ProcessInstance vote = startVote(Map.of());
        assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).count()).isEqualTo(5);
        assertThat(subjectsTo("maria@clusterflow.local")).contains("Нова задача: Проголосуйте");

        cast(vote, "petro", "approve", null);
        cast(vote, "iryna", "approve", null);
        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_CAST_VOTE);
        cast(vote, "andriy", "approve", "Так");

        BpmnAwareTests.assertThat(vote).isEnded().hasPassed(END_VOTE_CLOSED);
        assertThat(decision(vote)).isEqualTo("approve");
        assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).count()).isZero();
        for (String member : BOARD) {
            assertThat(subjectsTo(member + "@clusterflow.local")).contains("Результат голосування: Тестове рішення");
        }
    }

    @Test
    void closesAsSoonAsMoreThanHalfRejectsAndCarriesTheirReasons() {
        ProcessInstance vote = startVote(Map.of());
        cast(vote, "petro", "reject", "Бракує документів");
        cast(vote, "iryna", "approve", null);
        cast(vote, "andriy", "reject", "Ризик для репутації");
        cast(vote, "maria", "reject", null);

        BpmnAwareTests.assertThat(vote).isEnded();
        assertThat(decision(vote)).isEqualTo("reject");
        assertThat(variable(vote, BOARD_REASON.name())).contains("Бракує документів").contains("Ризик для репутації");
    }

    @Test
    void aTieAfterEveryoneVotedIsSettledByTheCoordinator() {
        ProcessInstance vote = startVote(Map.of());
        cast(vote, "petro", "approve", null);
        cast(vote, "iryna", "approve", null);
        cast(vote, "andriy", "reject", "Проти");
        cast(vote, "maria", "reject", "Проти");
        cast(vote, "taras", "abstain", null);

        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_SETTLE_VOTE);
        Task settle = tasks.createTaskQuery().processInstanceId(vote.getId()).taskCandidateGroup("kharkiv-coordinator")
                .singleResult();
        assertThat(settle).isNotNull();
        tasks.claim(settle.getId(), "olena");
        tasks.complete(settle.getId(), Map.of(SETTLE_DECISION.name(), "approve", SETTLE_REASON.name(), "Рішення координатора"));

        BpmnAwareTests.assertThat(vote).isEnded();
        assertThat(decision(vote)).isEqualTo("approve");
        assertThat(variable(vote, BOARD_REASON.name())).isEqualTo("Рішення координатора");
    }

    @Test
    void withoutAQuorumAtTheDeadlineTheVoteGoesToTheSettler() {
        ProcessInstance vote = startVote(Map.of(SETTLER_ROLE.name(), "chair"));
        cast(vote, "petro", "approve", null);

        moveClock(Duration.ofDays(7).plusMinutes(1));
        fireTimer(vote.getId(), TIMER_VOTE_DEADLINE);

        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_SETTLE_VOTE);
        assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).taskDefinitionKey(TASK_CAST_VOTE).count())
                .isZero();
        Task settle = tasks.createTaskQuery().processInstanceId(vote.getId()).taskCandidateGroup("kharkiv-chair")
                .singleResult();
        tasks.claim(settle.getId(), "petro");
        tasks.complete(settle.getId(), Map.of(SETTLE_DECISION.name(), "reject", SETTLE_REASON.name(), "Кворуму не було"));
        assertThat(decision(vote)).isEqualTo("reject");
    }

    @Test
    void atTheDeadlineAQuorumDecidesByTheMajorityOfBallotsCast() {
        ProcessInstance vote = startVote(Map.of());
        cast(vote, "petro", "approve", null);
        cast(vote, "iryna", "approve", null);
        cast(vote, "andriy", "reject", "Проти");

        moveClock(Duration.ofDays(7).plusMinutes(1));
        fireTimer(vote.getId(), TIMER_VOTE_DEADLINE);

        BpmnAwareTests.assertThat(vote).isEnded();
        assertThat(decision(vote)).isEqualTo("approve");
    }

    @Test
    void aDayBeforeTheDeadlineOnlyThoseWhoHaveNotVotedAreReminded() {
        ProcessInstance vote = startVote(Map.of());
        cast(vote, "petro", "approve", null);

        moveClock(Duration.ofDays(6).plusMinutes(1));
        fireTimer(vote.getId(), TIMER_VOTE_REMINDER);

        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_CAST_VOTE);
        assertThat(subjectsTo("iryna@clusterflow.local")).contains("Нагадування: проголосуйте щодо «Тестове рішення»");
        assertThat(subjectsTo("petro@clusterflow.local")).doesNotContain("Нагадування: проголосуйте щодо «Тестове рішення»");
    }

    @Test
    void anExcludedPersonDoesNotVoteAndTheQuorumFollowsTheShareAsked() {
        ProcessInstance vote = startVote(Map.of(EXCLUDED_VOTER.name(), "taras", QUORUM_PERCENT.name(), 67));
        assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).taskAssignee("taras").count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).count()).isEqualTo(4);
        assertThat(runtime.getVariable(vote.getId(), QUORUM.name())).isEqualTo(3);
    }

    @Test
    void theWholeBoardVotingAtOnceRecordsEveryBallotOnceAndClosesTheVoteOnce() throws Exception {
        ProcessInstance vote = startVote(Map.of());
        Map<String, String> choices = Map.of("petro", "approve", "iryna", "reject", "andriy", "abstain",
                "maria", "abstain", "taras", "approve");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (Map.Entry<String, String> choice : choices.entrySet()) {
            Task task = tasks.createTaskQuery().processInstanceId(vote.getId()).taskAssignee(choice.getKey())
                    .singleResult();
            results.add(pool.submit(() -> {
                start.await();
                work.complete(user(choice.getKey()), task.getId(),
                        FormSubmission.ofValues(Map.of(VOTE.name(), choice.getValue())));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(ballots.ballots(vote.getId())).hasSize(5);
        BpmnAwareTests.assertThat(vote).isEnded();
        assertThat(decision(vote)).isEqualTo("approve");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(vote.getId())
                .activityId(END_VOTE_CLOSED).count()).isEqualTo(1);
    }

    @Test
    void aVoterWhoLeavesTheBoardHasTheirBallotWithdrawnNotHandedOverAndTheVoteDecidesAmongTheRest() {
        String leaver = boardMember("leaver");
        ProcessInstance vote = startVote(Map.of());
        assertThat(variable(vote, ELIGIBLE.name(), Integer.class)).isEqualTo(6);
        cast(vote, "petro", "approve", null);
        cast(vote, "iryna", "approve", null);

        assertThat(staff.leave("kharkiv", leaver, "olena")).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).taskAssignee(leaver).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).taskAssignee("olena").count())
                .as("a ballot is never handed over").isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).count()).isEqualTo(3);
        assertThat(runtime.getVariable(vote.getId(), ELIGIBLE.name())).isEqualTo(5);
        assertThat(runtime.getVariable(vote.getId(), QUORUM.name())).isEqualTo(3);

        cast(vote, "andriy", "approve", null);
        BpmnAwareTests.assertThat(vote).isEnded().hasPassed(END_VOTE_CLOSED);
        assertThat(decision(vote)).isEqualTo("approve");
    }

    @Test
    void theLastOpenBallotWithdrawnHasTheVoteCountedAmongThoseWhoVotedAndABallotCastBeforeLeavingCounts() {
        String leaver = boardMember("early-voter");
        String last = boardMember("last-voter");
        ProcessInstance vote = startVote(Map.of());
        cast(vote, leaver, "approve", null);
        cast(vote, "petro", "approve", null);
        cast(vote, "iryna", "approve", null);
        cast(vote, "andriy", "reject", "Ні");
        cast(vote, "maria", "reject", "Ні");
        cast(vote, "taras", "abstain", null);
        assertThat(staff.leave("kharkiv", leaver, "olena")).isZero();
        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_CAST_VOTE);

        staff.setRoles("kharkiv", last, EnumSet.of(Role.COORDINATOR));
        BpmnAwareTests.assertThat(vote).isEnded().hasPassed(END_VOTE_CLOSED);
        assertThat(decision(vote)).as("3 for, 2 against, 1 abstaining of 6").isEqualTo("approve");
        staff.leave("kharkiv", last, "olena");
    }

    @Autowired StaffService staff;
    @Autowired ClusterDirectory directory;

    private String boardMember(String prefix) {
        String user = prefix + "-" + System.nanoTime() % 1_000_000;
        directory.createPerson(user, "Тимчасовий", "Член", user + "@example.com", "uk", null);
        directory.grant(user, "kharkiv", Role.BOARD);
        return user;
    }

    private <T> T variable(ProcessInstance vote, String name, Class<T> type) {
        return type.cast(runtime.getVariable(vote.getId(), name));
    }

    private ProcessInstance startVote(Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put("clusterId", "kharkiv");
        variables.put("caseTitle", "Тестове рішення");
        return runtime.startProcessInstanceByKey(KEY, "VOTE-" + UUID.randomUUID(), variables);
    }

    private void cast(ProcessInstance vote, String voter, String choice, String comment) {
        Task task = tasks.createTaskQuery().processInstanceId(vote.getId()).taskAssignee(voter).singleResult();
        assertThat(task).as("ballot of %s", voter).isNotNull();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VOTE.name(), choice);
        variables.put(VOTE_COMMENT.name(), comment);
        tasks.complete(task.getId(), variables);
    }

    private String decision(ProcessInstance vote) {
        return variable(vote, BOARD_DECISION.name());
    }

    private String variable(ProcessInstance vote, String name) {
        var value = history.createHistoricVariableInstanceQuery().processInstanceId(vote.getId()).variableName(name)
                .singleResult();
        return value == null ? null : (String) value.getValue();
    }
}
