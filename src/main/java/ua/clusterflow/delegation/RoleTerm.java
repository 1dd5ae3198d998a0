package ua.clusterflow.delegation;

import java.time.Instant;
import java.time.LocalDate;

/** One holder's term in a board role: proposed, active, and then ended, revoked, declined or withdrawn. */
public record RoleTerm(long id, String businessKey, String clusterId, String roleCode, String holder, String proposer,
                       String status, int termNumber, String responsibilities, String expectedResults,
                       int hoursPerMonth, LocalDate termStart, LocalDate termEnd, Instant startedAt, Instant endedAt) {

    public boolean active() {
        return RoleStatus.ACTIVE.name().equals(status);
    }
}
