package ua.clusterflow.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.clusterflow.followup.process.FollowUpProcess.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.cluster.MemberDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.dashboard.Dashboard;
import ua.clusterflow.dashboard.DashboardService;

/**
 * A follow-up ({@code follow-up.bpmn}) on the real engine: done on time after its reminder; overdue, with the
 * coordinators told; and an introduction's follow-up that led to a joint application, as the dashboard counts it.
 */
class FollowUpProcessTest extends IntegrationTest {

    @Autowired FollowUpService followUps;
    @Autowired FollowUpRepository repository;
    @Autowired MemberDirectory members;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired DashboardService dashboards;

    @BeforeEach
    void startAtNoon() {
        startAtNoonInKyiv();
    }

    @Test
    void anActionDoneOnTimeAfterItsReminderIsRecordedOnItsCaseAndItsSource() {
        String source = apply("kharkiv", "ТОВ «Наступний крок»", newEdrpou(), "next-step@example.com").reference();
        String action = "Надіслати кошторис стенду " + UUID.randomUUID().toString().substring(0, 6);
        FollowUp agreed = agree(source, action, "andriy", AppClock.today().plusDays(10));
        ProcessInstance instance = instance(agreed.businessKey(), KEY);
        Task task = task(agreed.businessKey(), TASK_DO_FOLLOW_UP);
        assertThat(task.getAssignee()).isEqualTo("andriy");
        assertThat(task.getDueDate().toInstant())
                .isEqualTo(agreed.dueOn().atTime(23, 59).atZone(AppClock.KYIV).toInstant());

        moveClock(Duration.ofDays(8).minusHours(2));
        fireTimer(instance.getId(), TIMER_REMINDER);
        assertThat(subjectsTo("andriy@clusterflow.local")).contains("Нагадування про домовлену дію: " + action);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DO_FOLLOW_UP);

        Map<String, Object> done = new HashMap<>();
        done.put(OUTCOME.name(), "Кошторис надіслано правлінню");
        tasks.complete(task.getId(), done);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_DONE).hasNotPassed(END_OVERDUE_NOTICED);
        FollowUp recorded = repository.get(agreed.id());
        assertThat(recorded.done()).isTrue();
        assertThat(recorded.overdue()).isFalse();
        assertThat(recorded.outcome()).isEqualTo("Кошторис надіслано правлінню");
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Виконано: " + action);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(jdbc.sql("select count(*) from case_event where business_key = ? and action = 'follow-up-done'")
                .param(source).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anActionPastItsDayIsOverdueTheCoordinatorsAreToldAndItCanStillBeDone() {
        String source = apply("kharkiv", "ТОВ «Прострочка»", newEdrpou(), "late-step@example.com").reference();
        String action = "Домовитися про візит " + UUID.randomUUID().toString().substring(0, 6);
        FollowUp agreed = agree(source, action, "maria", AppClock.today().plusDays(1));
        ProcessInstance instance = instance(agreed.businessKey(), KEY);
        int overdueBefore = dashboards.forCluster("kharkiv").followUps().overdue();

        moveClock(Duration.ofDays(1).plusHours(12));
        fireTimer(instance.getId(), TIMER_OVERDUE);

        assertThat(subjectsTo("olena@clusterflow.local")).contains("Прострочено: " + action);
        assertThat(repository.get(agreed.id()).overdue()).isTrue();
        assertThat(jdbc.sql("select status from case_record where business_key = ?").param(agreed.businessKey())
                .query(String.class).single()).isEqualTo("FOLLOW_UP_OVERDUE");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_DO_FOLLOW_UP).hasPassed(END_OVERDUE_NOTICED);
        // the clock moved past the due day: the dashboard counts the action among the overdue ones
        assertThat(dashboards.forCluster("kharkiv").followUps().overdue()).isGreaterThan(overdueBefore);

        tasks.complete(task(agreed.businessKey(), TASK_DO_FOLLOW_UP).getId(), Map.of(OUTCOME.name(), "Візит 12-го"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_DONE);
    }

    @Test
    void anIntroductionsFollowUpThatLedToAJointApplicationIsCountedOnTheDashboard() {
        long nadiasOrg = organisations.idsForContact("nadia").get(0);
        MemberOrganisation partner = organisations.find(organisations.insert(new MemberOrganisation(null, "kharkiv",
                "ТОВ «Спільна заявка»", newEdrpou(), "sme", "it", 8, "Харківська", "Консорціуми", "Партнери",
                null, null, null, null))).orElseThrow();
        members.introduce("olena", organisations.find(nadiasOrg).orElseThrow(), partner);
        MemberDirectory.Introduction introduction = members.introductionsOf(partner.id()).get(0);
        Dashboard.FollowUps before = dashboards.forCluster("kharkiv").followUps();

        FollowUpService.Source source = followUps.introductionSource(user("olena"), introduction.id()).orElseThrow();
        assertThat(source.title()).contains("ТОВ «Спільна заявка»");
        FollowUp agreed = followUps.agree(user("olena"), source, "Запитати, чи знайшли спільний проєкт", "olena",
                AppClock.today().plusDays(30));
        assertThat(dashboards.forCluster("kharkiv").followUps().agreed()).isEqualTo(before.agreed() + 1);
        tasks.complete(task(agreed.businessKey(), TASK_DO_FOLLOW_UP).getId(), Map.of(OUTCOME.name(),
                "Подали спільну заявку до Horizon Europe", LED_TO.name(), "application"));

        var after = dashboards.forCluster("kharkiv").followUps();
        assertThat(after.done()).isEqualTo(before.done() + 1);
        assertThat(after.introductionsThatLed()).isEqualTo(before.introductionsThatLed() + 1);
        assertThat(repository.get(agreed.id()).ledTo()).isEqualTo("application");
    }

    private FollowUp agree(String sourceKey, String action, String owner, LocalDate dueOn) {
        FollowUpService.Source source = followUps.caseSource(user("olena"), sourceKey).orElseThrow();
        assertThat(followUps.check(source, action, owner, dueOn).isEmpty()).isTrue();
        return followUps.agree(user("olena"), source, action, owner, dueOn);
    }
}
