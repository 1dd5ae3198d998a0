package ua.clusterflow.cluster;

import java.math.BigDecimal;
import java.time.Instant;

/** A member organisation of one cluster, with the person who speaks for it. */
public record MemberOrganisation(Long id, String clusterId, String name, String edrpou, String category,
                                 String sectors, int headcount, String region, String offers, String needs,
                                 String contactUser, String feeCategory, BigDecimal annualFee, Instant joinedAt) {
}
