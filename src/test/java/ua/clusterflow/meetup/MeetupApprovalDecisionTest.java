package ua.clusterflow.meetup;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;

/** Each row of {@code bpmn/meetup-approval.dmn}, as deployed in the engine. */
class MeetupApprovalDecisionTest extends IntegrationTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "UAH {0}: {1}")
    @CsvSource({"0, coordinator", "20000, coordinator", "20000.01, board", "150000, board"})
    void whoApprovesByBudget(double budget, String approver) {
        assertThat((Object) decisions.evaluateDecisionTableByKey("meetup-approval")
                .variables(Variables.createVariables().putValue("budget", budget))
                .evaluate().getSingleResult().getSingleEntry()).isEqualTo(approver);
    }
}
