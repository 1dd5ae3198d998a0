package ua.clusterflow.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;

/** Each row of {@code bpmn/export-action-approval.dmn}, as deployed in the engine. */
class ExportActionApprovalDecisionTest extends IntegrationTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "UAH {0}: {1}")
    @CsvSource({"0, coordinator", "50000, coordinator", "50000.01, board", "400000, board"})
    void whoApprovesByTheClustersCost(double cost, String approver) {
        assertThat((Object) decisions.evaluateDecisionTableByKey("export-action-approval")
                .variables(Variables.createVariables().putValue("clusterCost", cost))
                .evaluate().getSingleResult().getSingleEntry()).isEqualTo(approver);
    }
}
