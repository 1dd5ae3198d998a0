package ua.clusterflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.clusterflow.onboarding.process.OnboardingProcess.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.membership.Memberships;
import ua.clusterflow.tasklist.FormSubmission;

/** Every path of {@code member-onboarding.bpmn} (process MemberOnboarding), on the real engine and database. */
class OnboardingProcessTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired Invoices invoices;

    private static final String CLUSTER = "kharkiv";

    @Autowired OnboardingApplicationRepository applications;
    @Autowired ClusterDirectory directory;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired Memberships memberships;

    @Test
    void acceptedApprovedAndPaidApplicationBecomesAWelcomedMemberWithAnAccount() {
        OnboardingApplication app = apply(CLUSTER, "ТОВ «Щасливий шлях»", newEdrpou(), "happy@example.com");
        ProcessInstance pi = instance(app.reference(), KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW);
        assertThat(applications.get(app.id()).feeCategory()).isEqualTo("Small");

        complete(app.reference(), TASK_REVIEW, "olena", Map.of(REVIEW_DECISION, DECISION_ACCEPT));
        BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_BOARD_VOTE);
        castBallot(app.reference(), "petro", "approve", null);
        castBallot(app.reference(), "iryna", "approve", null);
        castBallot(app.reference(), "andriy", "approve", "Добрий профіль");

        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_PAYMENT);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(app.reference())
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).count()).isZero();
        assertThat(applications.get(app.id()).status()).isEqualTo(ApplicationStatus.AWAITING_PAYMENT);

        complete(app.reference(), TASK_CONFIRM_PAYMENT, "olena", Map.of(PAYMENT_OUTCOME, PAYMENT_PAID));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(TASK_REVIEW, CALL_BOARD_VOTE,
                TASK_CONFIRM_PAYMENT, END_WELCOMED);

        OnboardingApplication member = applications.get(app.id());
        assertThat(member.status()).isEqualTo(ApplicationStatus.MEMBER);
        assertThat(member.organisationId()).isNotNull();
        assertThat(directory.personExists("happy")).isTrue();
        assertThat(directory.rolesOf("happy").get(CLUSTER)).containsExactly(Role.MEMBER);
        assertThat(subjectsTo("happy@example.com")).containsExactly(
                "Заявку " + app.reference() + " отримано",
                "Рахунок на членський внесок, заявка " + app.reference(),
                "Ваш обліковий запис у ClusterFlow, заявка " + app.reference(),
                "Ласкаво просимо до кластера! Заявка " + app.reference());
        assertThat(body(mailsTo("happy@example.com").get(2))).contains("/invitation/");
        assertThat(subjectsTo("maria@clusterflow.local")).contains("Результат голосування: ТОВ «Щасливий шлях»");
    }

    @Test
    void anOrganisationThatIsAMemberAlreadyIsClosedAsDuplicate() {
        String edrpou = newEdrpou();
        OnboardingApplication first = apply(CLUSTER, "ТОВ «Перша»", edrpou, "first@example.com");
        OnboardingApplication second = apply(CLUSTER, "ТОВ «Перша» ще раз", edrpou, "second@example.com");

        BpmnAwareTests.assertThat(instance(first.reference(), KEY)).isWaitingAt(TASK_REVIEW);
        assertThat(history.createHistoricActivityInstanceQuery().activityId(END_DUPLICATE)
                .processInstanceId(historicId(second.reference())).count()).isEqualTo(1);
        assertThat(applications.get(second.id()).status()).isEqualTo(ApplicationStatus.DUPLICATE);
        assertThat(subjectsTo("second@example.com"))
                .contains("Заявка " + second.reference() + ": організація вже є в кластері");
    }

    @Test
    void aFormerMemberAppliesAsAnyoneDoesAndRejoinsUnderItsRecordWithItsHistory() {
        long former = organisations.insert(new MemberOrganisation(null, CLUSTER, "ТОВ «Колишній член»",
                newEdrpou(), "sme", "automation", 12, "Харківська", null, null, null, null, null, null));
        MemberOrganisation excluded = organisations.find(former).orElseThrow();
        memberships.setStatus(former, MembershipStatus.EXCLUDED, AppClock.today(), "Несплата", null);

        OnboardingApplication again = apply(CLUSTER, "ТОВ «Колишній член»", excluded.edrpou(), "again@example.com");
        ProcessInstance pi = instance(again.reference(), KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW);
        complete(again.reference(), TASK_REVIEW, "olena", Map.of(REVIEW_DECISION, DECISION_ACCEPT));
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(again.reference(), voter, "approve", null);
        }
        complete(again.reference(), TASK_CONFIRM_PAYMENT, "olena", Map.of(PAYMENT_OUTCOME, PAYMENT_PAID));

        assertThat(applications.get(again.id()).organisationId()).isEqualTo(former);
        MemberOrganisation rejoined = organisations.find(former).orElseThrow();
        assertThat(rejoined.status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(memberships.history(former)).extracting(Memberships.Event::reason)
                .containsSubsequence("joined", "Несплата", "rejoined");
    }

    @Test
    void theSameCodeInAnotherClusterIsNoDuplicate() {
        String edrpou = newEdrpou();
        apply(CLUSTER, "ТОВ «Двокластерна»", edrpou, "two@example.com");
        OnboardingApplication other = apply("zaporizhzhia", "ТОВ «Двокластерна»", edrpou, "two@example.com");
        BpmnAwareTests.assertThat(instance(other.reference(), KEY)).isWaitingAt(TASK_REVIEW);
    }

    @Test
    void coordinatorRejectsWithAReasonThatIsMailed() {
        OnboardingApplication app = apply(CLUSTER, "ТОВ «Не наш профіль»", newEdrpou(), "reject@example.com");
        ProcessInstance pi = instance(app.reference(), KEY);
        complete(app.reference(), TASK_REVIEW, "olena",
                Map.of(REVIEW_DECISION, DECISION_REJECT, REVIEW_COMMENT.name(), "Профіль не відповідає кластеру"));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_REJECTED);
        assertThat(applications.get(app.id()).status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(body(mailsTo("reject@example.com").get(1))).contains("Профіль не відповідає кластеру");
    }

    @Test
    void askingForMoreInformationLoopsBackToReviewWhenTheApplicantAmends() {
        OnboardingApplication app = apply(CLUSTER, "ТОВ «Неповна»", newEdrpou(), "amend@example.com");
        ProcessInstance pi = instance(app.reference(), KEY);
        complete(app.reference(), TASK_REVIEW, "olena",
                Map.of(REVIEW_DECISION, DECISION_MORE_INFO, REVIEW_COMMENT.name(), "Додайте опис продуктів"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_AMENDMENT);
        assertThat(body(mailsTo("amend@example.com").get(1))).contains("Додайте опис продуктів").contains("/track/");

        Map<String, Object> amended = new HashMap<>(applicationValues("ТОВ «Повна»", app.edrpou(), "amend@example.com"));
        amended.put("offers", "Роботизовані комірки, 3D-друк металом");
        assertThat(onboarding.amend(app.reference(), FormSubmission.ofValues(amended))).isTrue();

        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW);
        OnboardingApplication stored = applications.get(app.id());
        assertThat(stored.name()).isEqualTo("ТОВ «Повна»");
        assertThat(stored.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(onboarding.amend(app.reference(), FormSubmission.ofValues(amended)))
                .as("a second amendment while in review").isFalse();
    }

    @Test
    void anApplicantWhoDoesNotAmendIsRemindedAfterSevenDaysAndClosedAfterThirty() {
        OnboardingApplication app = apply(CLUSTER, "ТОВ «Мовчазна»", newEdrpou(), "silent@example.com");
        ProcessInstance pi = instance(app.reference(), KEY);
        complete(app.reference(), TASK_REVIEW, "olena",
                Map.of(REVIEW_DECISION, DECISION_MORE_INFO, REVIEW_COMMENT.name(), "Потрібен витяг з ЄДР"));

        moveClock(Duration.ofDays(7).plusMinutes(1));
        fireTimer(pi.getId(), TIMER_AMEND_REMINDER);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_AMENDMENT);
        assertThat(subjectsTo("silent@example.com")).contains("Нагадування: доповніть заявку " + app.reference());

        moveClock(Duration.ofDays(23));
        fireTimer(pi.getId(), TIMER_ABANDON);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_ABANDONED);
        assertThat(applications.get(app.id()).status()).isEqualTo(ApplicationStatus.ABANDONED);
        assertThat(subjectsTo("silent@example.com")).contains("Заявку " + app.reference() + " закрито");
    }

    @Test
    void coordinatorsAreRemindedOfAnApplicationWaitingFiveDaysForReview() {
        OnboardingApplication app = apply(CLUSTER, "ТОВ «Терпляча»", newEdrpou(), "patient@example.com");
        ProcessInstance pi = instance(app.reference(), KEY);
        moveClock(Duration.ofDays(5).plusMinutes(1));
        fireTimer(pi.getId(), TIMER_REVIEW_REMINDER);

        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW);
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Заявка «ТОВ «Терпляча»» чекає на розгляд");
    }

    @Test
    void theBoardsRejectionIsMailedWithItsReasons() {
        OnboardingApplication app = apply(CLUSTER, "ТОВ «Сумнівна»", newEdrpou(), "doubt@example.com");
        ProcessInstance pi = instance(app.reference(), KEY);
        complete(app.reference(), TASK_REVIEW, "olena", Map.of(REVIEW_DECISION, DECISION_ACCEPT));
        castBallot(app.reference(), "petro", "reject", "Немає виробничої бази");
        castBallot(app.reference(), "iryna", "reject", "Конфлікт інтересів");
        castBallot(app.reference(), "andriy", "reject", null);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_BOARD_REJECTED);
        assertThat(applications.get(app.id()).status()).isEqualTo(ApplicationStatus.BOARD_REJECTED);
        String mail = body(mailsTo("doubt@example.com").get(1));
        assertThat(mail).contains("Немає виробничої бази").contains("Конфлікт інтересів");
    }

    @Test
    void anUnpaidFeeIsRemindedWeeklyAndTheCoordinatorCanCloseTheApplication() {
        OnboardingApplication app = apply(CLUSTER, "ТОВ «Боржник»", newEdrpou(), "unpaid@example.com");
        ProcessInstance pi = instance(app.reference(), KEY);
        complete(app.reference(), TASK_REVIEW, "olena", Map.of(REVIEW_DECISION, DECISION_ACCEPT));
        for (String voter : new String[] {"petro", "iryna", "andriy"}) {
            castBallot(app.reference(), voter, "approve", null);
        }
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_PAYMENT);

        moveClock(Duration.ofDays(7).plusMinutes(1));
        fireTimer(pi.getId(), TIMER_PAYMENT_REMINDER);
        assertThat(subjectsTo("unpaid@example.com"))
                .contains("Нагадування про оплату внеску, заявка " + app.reference());
        assertThat(mailsTo("unpaid@example.com").stream().filter(m -> subject(m).startsWith("Нагадування"))
                .map(IntegrationTest::attachmentName)).as("the reminder carries the invoice again")
                .containsExactly(invoices.ofCase(app.reference()).orElseThrow().fileName());

        complete(app.reference(), TASK_CONFIRM_PAYMENT, "olena", Map.of(PAYMENT_OUTCOME, PAYMENT_CANCELLED));
        assertThat(invoices.ofCase(app.reference())).as("a cancelled invoice no longer stands").isEmpty();
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_PAYMENT_CANCELLED);
        assertThat(applications.get(app.id()).status()).isEqualTo(ApplicationStatus.PAYMENT_CANCELLED);
        assertThat(directory.personExists("unpaid")).isFalse();
    }

    private String historicId(String businessKey) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(KEY).singleResult().getId();
    }
}
