package ua.clusterflow.onboarding;

import java.math.BigDecimal;
import java.time.Instant;
import ua.clusterflow.cluster.engine.MembershipFee;

/** An organisation's application to join a cluster, as submitted and amended by its contact person. */
public record OnboardingApplication(Long id, String reference, String clusterId, ApplicationStatus status,
                                    String name, String edrpou, String category, String sectors, int headcount,
                                    String region, String contactName, String contactEmail, String contactPhone,
                                    String language, String offers, String needs, String feeCategory,
                                    BigDecimal annualFee, String decisionReason, Long organisationId, int version,
                                    Instant createdAt) {

    /**
     * The message key of the fee category the {@code membership-fee} table gave ("Large enterprise" reads
     * {@code fee.large-enterprise}); a category the table gains later shows as the table names it until translated.
     */
    public String feeCategoryKey() {
        return feeCategoryKey(feeCategory);
    }

    public static String feeCategoryKey(String category) {
        return MembershipFee.categoryKey(category);
    }
}
