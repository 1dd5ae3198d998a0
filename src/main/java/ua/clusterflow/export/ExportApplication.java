package ua.clusterflow.export;

import java.time.Instant;

/**
 * A member organisation's application to take part in an export action: what it would present (its products or
 * services and their UKTZED/HS codes), the markets it already serves, its certificates, its own export readiness
 * (1 to 5), and where the selection put it, with the note it was told.
 */
public record ExportApplication(long id, long actionId, long organisationId, String organisationName, String applicant,
                                String products, String productCodes, String marketsServed, String certificates,
                                int readiness, Status status, String note, Instant appliedAt) {

    public enum Status { APPLIED, SELECTED, WAITING, NOT_SELECTED, WITHDRAWN }
}
