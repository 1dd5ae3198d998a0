package ua.clusterflow.cluster.engine;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The fee table ({@code bpmn/membership-fee.dmn}): what an organisation pays for a year of membership, by its
 * category, size and how many years it has been a member. Onboarding asks it for the first year, renewal for each next.
 */
@Component
public class MembershipFee {

    public static final String DECISION = "membership-fee";
    public static final String IN_CATEGORY = "category";
    public static final String IN_HEADCOUNT = "headcount";
    public static final String IN_MEMBERSHIP_YEAR = "membershipYear";
    public static final String OUT_FEE_CATEGORY = "feeCategory";
    public static final String OUT_ANNUAL_FEE = "annualFee";

    public record Fee(String feeCategory, BigDecimal amount) {
    }

    private final DecisionService decisions;

    public MembershipFee(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The message key of a fee category's name, such as {@code fee.large-enterprise}. */
    public static String categoryKey(String feeCategory) {
        return feeCategory == null ? null
                : "fee." + feeCategory.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The fee for the given year of membership, the first year being 1. */
    public Fee of(String category, int headcount, int membershipYear) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue(IN_CATEGORY, category)
                        .putValue(IN_HEADCOUNT, headcount)
                        .putValue(IN_MEMBERSHIP_YEAR, membershipYear))
                .evaluate().getSingleResult().getEntryMap();
        return new Fee(String.valueOf(result.get(OUT_FEE_CATEGORY)),
                new BigDecimal(String.valueOf(result.get(OUT_ANNUAL_FEE))));
    }
}
