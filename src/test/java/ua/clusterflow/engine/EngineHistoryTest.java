package ua.clusterflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/**
 * A case's engine history holds what Cockpit and the case page read (the case, its steps, tasks, variables' last
 * values, the fee decision, the operation and job logs) and none of the rows {@link EngineHistoryPlugin} leaves out.
 */
class EngineHistoryTest extends IntegrationTest {

    @Test
    void aWholeOnboardingKeepsItsStepsTasksVariablesDecisionOperationsAndJobsButNoDetailOrLinkLog() {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Історія»", newEdrpou(), "history@example.com");
        // the coordinator's review as the app does it, signed in: the engine logs the operations of a signed-in person
        String review = task(app.reference(), OnboardingProcess.TASK_REVIEW).getId();
        engine.getIdentityService().setAuthentication("olena", List.of("kharkiv-coordinator"), List.of("kharkiv"));
        tasks.claim(review, "olena");
        tasks.complete(review, Map.of(OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_ACCEPT));
        engine.getIdentityService().clearAuthentication();
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(app.reference(), voter, "approve", null);
        }
        complete(app.reference(), OnboardingProcess.TASK_CONFIRM_PAYMENT, "olena",
                Map.of(OnboardingProcess.PAYMENT_OUTCOME, "paid"));
        String root = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(app.reference())
                .processDefinitionKey("MemberOnboarding").singleResult().getId();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(root).finished().count())
                .as("the case has ended").isEqualTo(1);

        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
                "act_hi_decinst", "act_hi_op_log", "act_hi_detail", "act_hi_job_log", "act_hi_identitylink")) {
            rows.put(table, jdbc.sql("select count(*) from " + table + " where root_proc_inst_id_ = ?").param(root)
                    .query(Long.class).single());
        }
        assertThat(rows).as("history rows of the case by table")
                .containsEntry("act_hi_procinst", 2L) // the onboarding and its board vote
                .containsEntry("act_hi_decinst", 1L)
                .containsEntry("act_hi_detail", 0L)
                .containsEntry("act_hi_identitylink", 0L);
        assertThat(rows.get("act_hi_job_log")).as("the board vote's timers, created and removed").isPositive();
        assertThat(rows.get("act_hi_actinst")).isGreaterThan(10);
        assertThat(rows.get("act_hi_taskinst")).as("review, three ballots, payment").isGreaterThanOrEqualTo(5);
        assertThat(rows.get("act_hi_varinst")).isPositive();
        assertThat(rows.get("act_hi_op_log")).as("who claimed and completed the review").isPositive();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(root).variableName("reviewDecision")
                .singleResult().getValue()).isEqualTo("accept");
    }
}
