package ua.clusterflow.board;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.clusterflow.board.process.BoardVoteProcess.*;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.board.process.MotionProcess;
import ua.clusterflow.tasklist.FormField;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.engine.FormDefinitions;

/**
 * A motion ({@code board-motion.bpmn}, process BoardMotion) on the real engine: the board votes through the shared board vote until the
 * closing time, the chair settles what the count leaves open, a ballot changed before the close is the one counted,
 * and the proposer's statement reaches the board and, for a public motion, the members.
 */
class MotionProcessTest extends IntegrationTest {

    @Autowired MotionService motions;
    @Autowired BoardVoteService votes;
    @Autowired BallotRepository ballots;
    @Autowired RepositoryService repositoryService;
    @Autowired FormDefinitions forms;

    @BeforeEach
    void startAtNoon() {
        startAtNoonInKyiv();
    }

    @Test
    void aPublicMotionDecidedByTheBoardIsStatedByItsProposerToTheBoardAndToTheMembers() {
        String question = "Бюджет виставки " + UUID.randomUUID().toString().substring(0, 8);
        Motion motion = put("iryna", question, 51, true);
        ProcessInstance vote = vote(motion);
        castBallot(vote.getBusinessKey(), "petro", "approve", null);
        castBallot(vote.getBusinessKey(), "andriy", "approve", null);
        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_CAST_VOTE);
        castBallot(vote.getBusinessKey(), "maria", "approve", "Так");

        BpmnAwareTests.assertThat(vote).isEnded();
        ProcessInstance motionCase = instance(motion.businessKey(), MotionProcess.KEY);
        assertThat(repositoryService.getProcessDefinition(motionCase.getProcessDefinitionId()).getKey())
                .isEqualTo("BoardMotion");
        BpmnAwareTests.assertThat(motionCase).isWaitingAt(MotionProcess.TASK_WRITE_STATEMENT);
        Task statement = task(motion.businessKey(), MotionProcess.TASK_WRITE_STATEMENT);
        assertThat(statement.getAssignee()).isEqualTo("iryna");
        tasks.complete(statement.getId(), Map.of(MotionProcess.STATEMENT.name(), "Бюджет затверджено, закупівля до 1 березня"));

        BpmnAwareTests.assertThat(motionCase).isEnded().hasPassed(MotionProcess.END_MOTION_CLOSED);
        assertThat(subjectsTo("taras@clusterflow.local")).contains("Рішення правління: " + question);
        assertThat(subjectsTo("nadia@clusterflow.local")).contains("Рішення правління: " + question);
        assertThat(body(mailsTo("nadia@clusterflow.local").stream()
                .filter(m -> subject(m).equals("Рішення правління: " + question)).findFirst().orElseThrow()))
                .contains("схвалено").contains("Бюджет затверджено, закупівля до 1 березня");
        BallotRepository.Decision decided = ballots.decision(vote.getId()).orElseThrow();
        assertThat(decided.decision()).isEqualTo("approve");
        assertThat(decided.statement()).isEqualTo("Бюджет затверджено, закупівля до 1 березня");
        assertThat(jdbc.sql("select status from case_record where business_key = ? and closed_at is not null")
                .param(motion.businessKey()).query(String.class).single()).isEqualTo("MOTION_APPROVED");
    }

    @Test
    void withoutAQuorumAtTheClosingTimeTheChairSettlesAndOnlyTheBoardHearsOfAnInternalMotion() {
        String question = "Позиція щодо закону " + UUID.randomUUID().toString().substring(0, 8);
        Motion motion = put("olena", question, 60, false);
        ProcessInstance vote = vote(motion);
        assertThat(runtime.getVariable(vote.getId(), QUORUM.name())).isEqualTo(3);
        castBallot(vote.getBusinessKey(), "petro", "approve", null);
        castBallot(vote.getBusinessKey(), "iryna", "approve", null);

        moveClock(Duration.ofDays(3).plusHours(7));
        fireTimer(vote.getId(), TIMER_VOTE_DEADLINE);

        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_SETTLE_VOTE);
        Task settle = tasks.createTaskQuery().processInstanceId(vote.getId()).taskCandidateGroup("kharkiv-chair")
                .singleResult();
        assertThat(settle).as("the chair settles a motion").isNotNull();
        tasks.claim(settle.getId(), "petro");
        tasks.complete(settle.getId(), Map.of(SETTLE_DECISION.name(), "reject", SETTLE_REASON.name(), "Кворуму не було"));

        Task statement = task(motion.businessKey(), MotionProcess.TASK_WRITE_STATEMENT);
        assertThat(statement.getAssignee()).isEqualTo("olena");
        tasks.complete(statement.getId(), Map.of(MotionProcess.STATEMENT.name(), "Повернемося на наступному засіданні"));
        assertThat(ballots.decision(vote.getId()).orElseThrow().decision()).isEqualTo("reject");
        assertThat(subjectsTo("maria@clusterflow.local")).contains("Рішення правління: " + question);
        assertThat(subjectsTo("nadia@clusterflow.local")).doesNotContain("Рішення правління: " + question);
    }

    @Test
    void aTieAfterTheWholeBoardVotedIsSettledByTheChair() {
        Motion motion = put("andriy", "Партнерство з університетом " + UUID.randomUUID().toString().substring(0, 8), 51, false);
        ProcessInstance vote = vote(motion);
        castBallot(vote.getBusinessKey(), "petro", "approve", null);
        castBallot(vote.getBusinessKey(), "iryna", "reject", "Зарано");
        castBallot(vote.getBusinessKey(), "andriy", "approve", null);
        castBallot(vote.getBusinessKey(), "maria", "reject", "Немає бюджету");
        castBallot(vote.getBusinessKey(), "taras", "abstain", null);

        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_SETTLE_VOTE);
        Task settle = tasks.createTaskQuery().processInstanceId(vote.getId()).taskCandidateGroup("kharkiv-chair")
                .singleResult();
        tasks.claim(settle.getId(), "petro");
        tasks.complete(settle.getId(), Map.of(SETTLE_DECISION.name(), "approve", SETTLE_REASON.name(), "Голос голови"));

        assertThat(ballots.decision(vote.getId()).orElseThrow().decision()).isEqualTo("approve");
        BpmnAwareTests.assertThat(instance(motion.businessKey(), MotionProcess.KEY))
                .isWaitingAt(MotionProcess.TASK_WRITE_STATEMENT);
    }

    @Test
    void aBallotChangedBeforeTheCloseIsTheOneCountedAndNoneChangesAfterIt() {
        Motion motion = put("olena", "Зміна членського внеску " + UUID.randomUUID().toString().substring(0, 8), 51, false);
        ProcessInstance vote = vote(motion);
        castBallot(vote.getBusinessKey(), "petro", "approve", null);
        castBallot(vote.getBusinessKey(), "iryna", "approve", null);
        assertThat(votes.change(vote.getId(), motion.businessKey(), "petro", "reject", "Передумав: спершу кошторис"))
                .isEmpty();
        assertThat(votes.change(vote.getId(), motion.businessKey(), "taras", "approve", null))
                .as("someone who has not voted casts their ballot in their task, not here")
                .contains(BoardVoteService.ChangeRefused.NOT_VOTED);
        // with petro's first ballot andriy's approval would have closed the vote as approved
        castBallot(vote.getBusinessKey(), "andriy", "approve", null);
        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_CAST_VOTE);
        castBallot(vote.getBusinessKey(), "maria", "reject", "Проти");
        castBallot(vote.getBusinessKey(), "taras", "reject", "Проти");

        BpmnAwareTests.assertThat(vote).isEnded();
        BallotRepository.Decision decided = ballots.decision(vote.getId()).orElseThrow();
        assertThat(decided.decision()).isEqualTo("reject");
        assertThat(decided.rejections()).isEqualTo(3);
        assertThat(decided.reason()).contains("Передумав: спершу кошторис");
        assertThat(votes.change(vote.getId(), motion.businessKey(), "petro", "approve", null))
                .contains(BoardVoteService.ChangeRefused.CLOSED);
        assertThat(ballots.decision(vote.getId()).orElseThrow().rejections()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from case_event where business_key = ? and action = 'ballot-changed'")
                .param(motion.businessKey()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theVoteClosesAtTheProposersTimeAndThoseWhoHaveNotVotedAreRemindedBeforeIt() {
        Motion motion = put("olena", "Участь у форумі " + UUID.randomUUID().toString().substring(0, 8), 51, false);
        ProcessInstance vote = vote(motion);
        assertThat(((Date) runtime.getVariable(vote.getId(), DEADLINE.name())).toInstant())
                .isEqualTo(motion.closesAt());
        assertThat(((Date) runtime.getVariable(vote.getId(), REMINDER_AT.name())).toInstant())
                .isEqualTo(motion.closesAt().minus(Duration.ofDays(1)));
        castBallot(vote.getBusinessKey(), "petro", "approve", null);

        moveClock(Duration.ofDays(2).plusHours(8));
        fireTimer(vote.getId(), TIMER_VOTE_REMINDER);
        assertThat(subjectsTo("maria@clusterflow.local")).contains("Нагадування: проголосуйте щодо «" + motion.question() + "»");
        assertThat(subjectsTo("petro@clusterflow.local")).doesNotContain("Нагадування: проголосуйте щодо «" + motion.question() + "»");
    }

    @Test
    void aMotionAmongOptionsClosesOnTheOptionMoreThanHalfTheBoardChoseAndItsStatementNamesIt() {
        String question = "Місце форуму " + UUID.randomUUID().toString().substring(0, 8);
        Motion motion = put("olena", question, 51, false, "Харків\nКиїв\n  \nЛьвів");
        ProcessInstance vote = vote(motion);
        assertThat(runtime.getVariable(vote.getId(), BALLOT_CHOICES.name()))
                .isEqualTo("option1=Харків\noption2=Київ\noption3=Львів\nabstain=abstain");
        Task ballot = tasks.createTaskQuery().processInstanceId(vote.getId()).taskAssignee("petro").singleResult();
        assertThat(forms.forTask(ballot).field(VOTE.name()).orElseThrow().options())
                .extracting(FormField.Option::label)
                .containsExactly("Харків", "Київ", "Львів", "abstain");
        castBallot(vote.getBusinessKey(), "petro", "option2", null);
        castBallot(vote.getBusinessKey(), "iryna", "option1", "Ближче до заводів");
        castBallot(vote.getBusinessKey(), "andriy", "option2", null);
        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_CAST_VOTE);
        castBallot(vote.getBusinessKey(), "maria", "option2", null);

        BpmnAwareTests.assertThat(vote).isEnded();
        BallotRepository.Decision decided = ballots.decision(vote.getId()).orElseThrow();
        assertThat(decided.decision()).isEqualTo("option2");
        assertThat(decided.decisionLabel()).isEqualTo("Київ");
        assertThat(decided.approvals()).as("for the option chosen").isEqualTo(3);
        assertThat(decided.rejections()).as("for the others").isEqualTo(1);
        assertThat(ballots.ballots(vote.getId())).extracting(BallotRepository.Ballot::choiceLabel).contains("Київ", "Харків");
        tasks.complete(task(motion.businessKey(), MotionProcess.TASK_WRITE_STATEMENT).getId(),
                Map.of(MotionProcess.STATEMENT.name(), "Форум у Києві, 14 травня"));
        assertThat(body(mailsTo("taras@clusterflow.local").stream()
                .filter(m -> subject(m).equals("Рішення правління: " + question)).findFirst().orElseThrow()))
                .contains("«" + question + "»: Київ").contains("Форум у Києві, 14 травня");
        assertThat(jdbc.sql("select status from case_record where business_key = ?").param(motion.businessKey())
                .query(String.class).single()).isEqualTo("MOTION_DECIDED");
    }

    @Test
    void aTieBetweenOptionsIsSettledByTheChairChoosingAmongTheOptions() {
        Motion motion = put("olena", "Партнер проєкту " + UUID.randomUUID().toString().substring(0, 8), 51, false,
                "Університет\nТехнопарк");
        ProcessInstance vote = vote(motion);
        castBallot(vote.getBusinessKey(), "petro", "option1", null);
        castBallot(vote.getBusinessKey(), "iryna", "option2", null);
        castBallot(vote.getBusinessKey(), "andriy", "option1", null);
        castBallot(vote.getBusinessKey(), "maria", "option2", null);
        castBallot(vote.getBusinessKey(), "taras", "abstain", null);

        BpmnAwareTests.assertThat(vote).isWaitingAt(TASK_SETTLE_VOTE);
        Task settle = tasks.createTaskQuery().processInstanceId(vote.getId()).taskCandidateGroup("kharkiv-chair")
                .singleResult();
        assertThat(forms.forTask(settle).field(SETTLE_DECISION.name()).orElseThrow().options())
                .extracting(FormField.Option::value).containsExactly("option1", "option2");
        tasks.claim(settle.getId(), "petro");
        tasks.complete(settle.getId(), Map.of(SETTLE_DECISION.name(), "option2", SETTLE_REASON.name(), "Голос голови"));

        BallotRepository.Decision decided = ballots.decision(vote.getId()).orElseThrow();
        assertThat(decided.decision()).isEqualTo("option2");
        assertThat(decided.decisionLabel()).isEqualTo("Технопарк");
        assertThat(decided.reason()).isEqualTo("Голос голови");
    }

    /** A motion put by this person, closing in three days at 18:00 Kyiv time. */
    private Motion put(String proposer, String question, int quorumPercent, boolean publicOutcome) {
        return put(proposer, question, quorumPercent, publicOutcome, null);
    }

    private Motion put(String proposer, String question, int quorumPercent, boolean publicOutcome, String options) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("options", options);
        typed.put("question", question);
        typed.put("motionText", "Пропонуємо вирішити: " + question);
        typed.put("closesOn", AppClock.today().plusDays(3));
        typed.put("closesAtTime", "18:00");
        typed.put("quorumPercent", quorumPercent);
        typed.put("publicOutcome", publicOutcome);
        FormSubmission motion = FormSubmission.ofValues(typed);
        motions.check("kharkiv", motion);
        assertThat(motion.hasErrors()).as(motion.errors().toString()).isFalse();
        return motions.propose(user(proposer), "kharkiv", motion);
    }

    private ProcessInstance vote(Motion motion) {
        ProcessInstance parent = instance(motion.businessKey(), MotionProcess.KEY);
        return Optional.ofNullable(runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                .singleResult()).orElseThrow();
    }
}
