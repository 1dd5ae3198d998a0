package ua.clusterflow.tasklist;

import java.time.Instant;

/** One case of any process, keyed by its business key. */
public record CaseRecord(String businessKey, String clusterId, String processKey, String title, String status,
                         Long organisationId, String createdBy, Instant createdAt, Instant closedAt) {

    public boolean closed() {
        return closedAt != null;
    }
}
