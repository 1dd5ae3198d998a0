package ua.clusterflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/**
 * The engine's history stays bounded: every model gives its finished cases 400 days, the cleanup runs at night, and
 * what people need of a case (its record, events and page) stays in the application's tables after the cleanup.
 */
class HistoryCleanupTest extends IntegrationTest {

    @Autowired MockMvc mvc;

    @Test
    void everyModelHasATimeToLiveAndTheCleanupRunsAtNight() {
        for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery()
                .latestVersion().list()) {
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(400);
        }
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    }

    @Test
    void aFinishedCaseLeavesTheEngineHistoryAfter400DaysAndKeepsItsRecord() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Архів»", newEdrpou(), "archive@example.com");
        complete(app.reference(), OnboardingProcess.TASK_REVIEW, "olena",
                Map.of(OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_REJECT,
                        OnboardingProcess.REVIEW_COMMENT.name(), "Поза профілем кластера"));
        HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(app.reference()).singleResult();
        assertThat(finished.getEndTime()).isNotNull();
        assertThat(Duration.between(finished.getEndTime().toInstant(), finished.getRemovalTime().toInstant()))
                .isEqualTo(Duration.ofDays(400));

        moveClock(Duration.ofDays(399));
        cleanUp();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(app.reference()).count())
                .as("kept until its time").isEqualTo(1);

        moveClock(Duration.ofDays(2));
        // each run removes a batch of 500 rows of each kind, and the shared test database holds the other tests'
        // finished cases too: the nights go on until this case's turn has come
        for (int night = 0; night < 50 && history.createHistoricActivityInstanceQuery()
                .processInstanceId(finished.getId()).count() > 0; night++) {
            cleanUp();
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(app.reference()).count())
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(finished.getId()).count())
                .isZero();
        mvc.perform(get("/cases/" + app.reference()).with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ТОВ «Архів»")));
    }

    /** Runs the engine's history cleanup now, as its job does in the night window. */
    private void cleanUp() {
        Job job = history.cleanUpHistoryAsync(true);
        management.executeJob(job.getId());
    }
}
