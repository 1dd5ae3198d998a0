package ua.clusterflow.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;

/** Each row of {@code bpmn/grant-screening.dmn}, both decisions, as deployed in the engine. */
class GrantScreeningDecisionTest extends IntegrationTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "{0}: {1} EU partners")
    @CsvSource({"horizon, 2", "interreg, 2", "smp, 1", "eu4business, 0", "national, 0", "other, 0"})
    void euPartnersEachProgrammeNeeds(String programme, int required) {
        Object result = decisions.evaluateDecisionTableByKey("grant-eu-partners")
                .variables(Variables.createVariables().putValue("programme", programme))
                .evaluate().getSingleResult().getSingleEntry();
        assertThat(((Number) result).intValue()).isEqualTo(required);
    }

    @ParameterizedTest(name = "{0}, {1} days, EUR {2}, {3}/{4} EU partners: {5}")
    @CsvSource(delimiter = ';', value = {
            "horizon; 90; 2000000; 2; 2; ",
            "horizon; 10; 2000000; 2; 2; deadline",
            "horizon; 20; 2000000; 2; 2; deadline-tight",
            "horizon; 90; 400000; 2; 2; budget-low",
            "horizon; 90; 12000000; 2; 2; budget-high",
            "smp; 90; 50000; 1; 1; budget-low",
            "smp; 90; 3000000; 1; 1; budget-high",
            "interreg; 90; 100000; 2; 2; budget-low",
            "interreg; 90; 6000000; 2; 2; budget-high",
            "eu4business; 90; 20000; 0; 0; budget-low",
            "eu4business; 90; 2000000; 0; 0; budget-high",
            "national; 90; 600000; 0; 0; budget-high",
            "horizon; 90; 2000000; 1; 2; partners",
            "horizon; 5; 100000; 0; 2; deadline,budget-low,partners"})
    void concernsTheScreeningTableRaises(String programme, int days, double budget, int euPartners, int required,
                                         String expected) {
        List<String> concerns = decisions.evaluateDecisionTableByKey("grant-screening")
                .variables(Variables.createVariables().putValue("programme", programme).putValue("daysToDeadline", days)
                        .putValue("budget", budget).putValue("euPartners", euPartners)
                        .putValue("euPartnersRequired", required))
                .evaluate().collectEntries("check");
        assertThat(concerns).containsExactlyInAnyOrderElementsOf(
                expected == null ? List.of() : List.of(expected.split(",")));
    }
}
