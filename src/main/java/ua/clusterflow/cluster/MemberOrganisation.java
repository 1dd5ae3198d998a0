package ua.clusterflow.cluster;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A member organisation of one cluster, with its main contact and where its membership stands. */
public record MemberOrganisation(Long id, String clusterId, String name, String edrpou, String category,
                                 String sectors, int headcount, String region, String offers, String needs,
                                 String contactUser, String feeCategory, BigDecimal annualFee, Instant joinedAt,
                                 MembershipStatus status, LocalDate paidUntil) {

    /** A new member, current from the day it is stored. */
    public MemberOrganisation(Long id, String clusterId, String name, String edrpou, String category, String sectors,
                              int headcount, String region, String offers, String needs, String contactUser,
                              String feeCategory, BigDecimal annualFee, Instant joinedAt) {
        this(id, clusterId, name, edrpou, category, sectors, headcount, region, offers, needs, contactUser,
                feeCategory, annualFee, joinedAt, MembershipStatus.CURRENT, null);
    }
}
