package ua.clusterflow.export;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.clusterflow.export.process.ExportActionProcess.CALL_BOARD_VOTE;
import static ua.clusterflow.export.process.ExportActionProcess.END_CANCELLED;
import static ua.clusterflow.export.process.ExportActionProcess.END_NOT_APPROVED;
import static ua.clusterflow.export.process.ExportActionProcess.END_SELECTED;
import static ua.clusterflow.export.process.ExportActionProcess.KEY;
import static ua.clusterflow.export.process.ExportActionProcess.NEW_DEADLINE;
import static ua.clusterflow.export.process.ExportActionProcess.SELECTED;
import static ua.clusterflow.export.process.ExportActionProcess.SELECTION_NOTE;
import static ua.clusterflow.export.process.ExportActionProcess.TASK_SELECT;
import static ua.clusterflow.export.process.ExportActionProcess.TASK_TOO_FEW;
import static ua.clusterflow.export.process.ExportActionProcess.TIMER_JOIN_DEADLINE;
import static ua.clusterflow.export.process.ExportActionProcess.TOO_FEW_COMMENT;
import static ua.clusterflow.export.process.ExportActionProcess.TOO_FEW_DECISION;
import static ua.clusterflow.export.process.ExportActionProcess.WAITING;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.engine.Variable;

/**
 * Every path and timer of {@code export-action.bpmn} (process ExportAction): announced within the coordinator's means
 * or approved (and refused) by the board, the call open to the members with its mail, the deadline's timer (the engine
 * clock moved), the selection with a waiting list and the reasons told, and too few applicants: the call extended to a
 * new deadline, then the action cancelled with everyone told.
 */
class ExportActionProcessTest extends IntegrationTest {

    @Autowired ExportActionService service;
    @Autowired ExportActionRepository actions;
    @Autowired ClusterDirectory directory;
    @Autowired MemberOrganisationRepository organisations;

    @BeforeEach
    void startAtNoon() {
        startAtNoonInKyiv();
    }

    @Test
    void anActionWithinTheCoordinatorsMeansOpensTakesApplicationsAndSelectsWithAWaitingList() {
        ExportAction action = announce(20000, 1, 1);
        assertThat(actions.get(action.id()).status()).isEqualTo(ExportAction.Status.OPEN);
        assertThat(subjectsTo("nadia@clusterflow.local")).contains("Запрошення до спільної експортної акції: "
                + action.title());
        List<Member> applicants = List.of(member("Альфа"), member("Бета"), member("Гамма"));
        applicants.forEach(m -> applyFor(action, m));
        assertThat(service.apply(user(applicants.get(0).contact()), action, applicants.get(0).organisation(),
                application())).as("a second click").isFalse();

        closeTheCall(action);
        BpmnAwareTests.assertThat(instance(action.reference(), KEY)).isWaitingAt(TASK_SELECT);
        assertThat(actions.get(action.id()).status()).isEqualTo(ExportAction.Status.SELECTING);
        List<ExportApplication> applied = actions.applications(action.id());
        complete(action.reference(), TASK_SELECT, "olena", Variable.values()
                .and(SELECTED, String.valueOf(applied.get(0).id()))
                .and(WAITING, String.valueOf(applied.get(1).id()))
                .and(SELECTION_NOTE, "Перевага тим, хто має маркування CE"));

        assertThat(ended(action, END_SELECTED)).isEqualTo(1);
        assertThat(actions.applications(action.id())).extracting(ExportApplication::status).containsExactly(
                ExportApplication.Status.SELECTED, ExportApplication.Status.WAITING,
                ExportApplication.Status.NOT_SELECTED);
        assertThat(subjectsTo(applicants.get(0).email())).contains("Вас обрано учасником: " + action.title());
        assertThat(subjectsTo(applicants.get(1).email())).contains("Ви в листі очікування: " + action.title());
        assertThat(subjectsTo(applicants.get(2).email())).contains("Вас не обрано: " + action.title());
        assertThat(actions.get(action.id()).status()).isEqualTo(ExportAction.Status.SELECTED);
    }

    @Test
    void aCostlyActionGoesToTheBoardWhichApprovesOneAndRefusesAnother() {
        ExportAction approved = announce(90000, 5, 2);
        BpmnAwareTests.assertThat(instance(approved.reference(), KEY)).isWaitingAt(CALL_BOARD_VOTE);
        assertThat(actions.get(approved.id()).status()).isEqualTo(ExportAction.Status.AWAITING_BOARD);
        boardVotes(approved, "approve");
        BpmnAwareTests.assertThat(instance(approved.reference(), KEY)).isWaitingAt(TIMER_JOIN_DEADLINE);
        assertThat(actions.get(approved.id()).status()).isEqualTo(ExportAction.Status.OPEN);

        ExportAction refused = announce(120000, 5, 2);
        boardVotes(refused, "reject");
        assertThat(ended(refused, END_NOT_APPROVED)).isEqualTo(1);
        assertThat(actions.get(refused.id()).status()).isEqualTo(ExportAction.Status.NOT_APPROVED);
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Акцію не схвалено: " + refused.title());
    }

    @Test
    void tooFewApplicantsExtendTheCallToANewDeadlineThenTheActionIsCancelledWithEveryoneTold() {
        ExportAction action = announce(10000, 5, 2);
        Member only = member("Дельта");
        applyFor(action, only);
        closeTheCall(action);
        BpmnAwareTests.assertThat(instance(action.reference(), KEY)).isWaitingAt(TASK_TOO_FEW);

        LocalDate later = AppClock.today().plusDays(7);
        complete(action.reference(), TASK_TOO_FEW, "olena", Variable.values().and(TOO_FEW_DECISION, "extend")
                .and(NEW_DEADLINE, later));
        BpmnAwareTests.assertThat(instance(action.reference(), KEY)).isWaitingAt(TIMER_JOIN_DEADLINE);
        assertThat(actions.get(action.id()).status()).isEqualTo(ExportAction.Status.OPEN);
        assertThat(actions.get(action.id()).joinDeadline()).isEqualTo(later);
        assertThat(management.createJobQuery().processInstanceId(instance(action.reference(), KEY).getId()).timers()
                .singleResult().getDuedate()).isEqualTo(ExportActionService.closesAt(later));

        closeTheCall(action);
        BpmnAwareTests.assertThat(instance(action.reference(), KEY)).isWaitingAt(TASK_TOO_FEW);
        complete(action.reference(), TASK_TOO_FEW, "olena", Variable.values().and(TOO_FEW_DECISION, "cancel")
                .and(TOO_FEW_COMMENT, "Виставку перенесено організаторами"));
        assertThat(ended(action, END_CANCELLED)).isEqualTo(1);
        assertThat(actions.get(action.id()).status()).isEqualTo(ExportAction.Status.CANCELLED);
        assertThat(subjectsTo(only.email())).contains("Акцію скасовано: " + action.title());
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Акцію скасовано: " + action.title());
    }

    /** How many times the case passed the end event, over the case's whole history. */
    private long ended(ExportAction action, String endEvent) {
        String id = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(action.reference())
                .processDefinitionKey(KEY).singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId(endEvent).count();
    }

    record Member(long organisation, String contact, String email) {
    }

    private ExportAction announce(int clusterCost, int places, int least) {
        Map<String, String> typed = new HashMap<>();
        typed.put("kind", "TRADE_FAIR");
        typed.put("title", "Hannover Messe " + System.nanoTime() % 100_000);
        typed.put("markets", "de, at");
        typed.put("place", "Ганновер");
        typed.put("joinDeadline", AppClock.today().plusDays(10).toString());
        typed.put("startsOn", AppClock.today().plusDays(40).toString());
        typed.put("endsOn", AppClock.today().plusDays(44).toString());
        typed.put("clusterCost", String.valueOf(clusterCost));
        typed.put("participantFee", "15000");
        typed.put("places", String.valueOf(places));
        typed.put("minParticipants", String.valueOf(least));
        typed.put("selectionRule", "Готовність до експорту та маркування CE");
        assertThat(service.check(typed).isEmpty()).as(service.check(typed).toString()).isTrue();
        return service.announce(user("olena"), "kharkiv", typed);
    }

    /** A member organisation of kharkiv with its main contact, who holds the member role. */
    private Member member(String name) {
        String id = "exp-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String email = id + "@example.com";
        directory.createPerson(id, name, "Контакт", email, "uk", null);
        directory.grant(id, "kharkiv", Role.MEMBER);
        long org = organisations.insert(new MemberOrganisation(null, "kharkiv", "ТОВ «" + name + "»", newEdrpou(), "sme",
                "machinebuilding", 40, "Харківська", "", "", id, "sme", new BigDecimal("6000.00"), Instant.now()));
        return new Member(org, id, email);
    }

    private void applyFor(ExportAction action, Member member) {
        assertThat(service.checkApplication(application()).isEmpty()).isTrue();
        assertThat(service.apply(user(member.contact()), actions.get(action.id()), member.organisation(),
                application())).isTrue();
    }

    private static Map<String, String> application() {
        return Map.of("products", "Редуктори для верстатів", "productCodes", "8483 40", "marketsServed", "PL",
                "certificates", "CE", "readiness", "4");
    }

    private void closeTheCall(ExportAction action) {
        moveClock(Duration.ofDays(Math.max(1, ChronoUnit.DAYS.between(
                AppClock.today(), actions.get(action.id()).joinDeadline()) + 1)));
        fireTimer(instance(action.reference(), KEY).getId(), TIMER_JOIN_DEADLINE);
    }

    private void boardVotes(ExportAction action, String choice) {
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(action.reference(), voter, choice, "reject".equals(choice) ? "Задорого" : null);
        }
    }
}
