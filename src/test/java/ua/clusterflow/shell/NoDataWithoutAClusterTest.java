package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/**
 * Everything the engine holds about a case belongs to a cluster, also what the job executor makes with nobody signed
 * in: every execution, task, job, variable and history row has a tenant.
 */
class NoDataWithoutAClusterTest extends IntegrationTest {

    static final List<String> ENGINE_TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_job",
            "act_ru_variable", "act_ru_event_subscr", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_varinst", "act_hi_detail");

    private static String caseColumn(String table) {
        return table.equals("act_ru_job") ? "process_instance_id_" : "proc_inst_id_";
    }

    @Test
    void whatTheJobExecutorMakesBelongsToTheCaseCluster() {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Нічна зміна»", newEdrpou(), "night@example.com");
        String instanceId = instance(app.reference(), OnboardingProcess.KEY).getId();
        Job reminder = management.createJobQuery().processInstanceId(instanceId).timers().singleResult();
        assertThat(reminder.getTenantId()).isEqualTo("kharkiv");
        moveClock(Duration.ofDays(6));
        assertThat(engine.getIdentityService().getCurrentAuthentication()).as("nobody signed in").isNull();
        fireTimer(instanceId, OnboardingProcess.TIMER_REVIEW_REMINDER);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("Task_RemindReviewers").singleResult().getTenantId()).isEqualTo("kharkiv");

        for (String table : ENGINE_TABLES) {
            assertThat(jdbc.sql("select count(*) from " + table + " where tenant_id_ is null and "
                            + caseColumn(table) + " is not null")
                    .query(Long.class).single()).as("rows of a case without a cluster in %s", table).isZero();
        }
    }
}
