package ua.clusterflow.cluster;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An organisation became a member and paid its first year's fee: published by whoever made it a member, so that the
 * membership year can begin without that feature knowing of it.
 */
public record MemberJoined(long organisationId, String feeCategory, BigDecimal fee, LocalDate paidOn) {
}
