package ua.clusterflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;

/** Each row of {@code bpmn/membership-fee.dmn}, as deployed in the engine. */
class MembershipFeeDecisionTest extends IntegrationTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "{0}, {1} people: {2}, {3} UAH")
    @CsvSource({
            "university, 3000, Academic, 6000",
            "research, 40, Academic, 6000",
            "startup, 4, Start-up, 3000",
            "public, 120, Partner, 0",
            "large, 100, Large enterprise, 60000",
            "sme, 250, Large enterprise, 60000",
            "other, 1000, Large enterprise, 60000",
            "sme, 50, Medium, 24000",
            "other, 249, Medium, 24000",
            "sme, 49, Small, 12000",
            "other, 1, Small, 12000"})
    void feeByCategoryAndHeadcount(String category, int headcount, String feeCategory, int fee) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("membership-fee")
                .variables(Variables.createVariables().putValue("category", category).putValue("headcount", headcount))
                .evaluate().getSingleResult().getEntryMap();
        assertThat(result).containsEntry("feeCategory", feeCategory);
        assertThat(((Number) result.get("annualFee")).intValue()).isEqualTo(fee);
    }
}
