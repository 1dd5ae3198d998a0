package ua.clusterflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.cluster.engine.MembershipFee;

/** Each row of {@code bpmn/membership-fee.dmn}, as deployed in the engine. */
class MembershipFeeDecisionTest extends IntegrationTest {

    @Autowired MembershipFee fees;

    @ParameterizedTest(name = "{0}, {1} people, year {2}: {3}, {4} UAH")
    @CsvSource({
            "university, 3000, 1, Academic, 6000",
            "research, 40, 5, Academic, 6000",
            "startup, 4, 1, Start-up, 3000",
            "startup, 4, 3, Start-up, 3000",
            "startup, 4, 4, Small, 12000",
            "startup, 60, 4, Medium, 24000",
            "public, 120, 1, Partner, 0",
            "public, 120, 7, Partner, 0",
            "large, 100, 1, Large enterprise, 60000",
            "sme, 250, 1, Large enterprise, 60000",
            "other, 1000, 2, Large enterprise, 60000",
            "sme, 50, 1, Medium, 24000",
            "other, 249, 1, Medium, 24000",
            "sme, 49, 1, Small, 12000",
            "other, 1, 2, Small, 12000"})
    void feeByCategoryHeadcountAndYearOfMembership(String category, int headcount, int year, String feeCategory,
                                                   int fee) {
        MembershipFee.Fee result = fees.of(category, headcount, year);
        assertThat(result.feeCategory()).isEqualTo(feeCategory);
        assertThat(result.amount()).isEqualByComparingTo(BigDecimal.valueOf(fee));
    }
}
