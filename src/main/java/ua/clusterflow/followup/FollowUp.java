package ua.clusterflow.followup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An agreed action with an owner and a due date. Its source is a case (a meetup's follow-up, a board decision's next
 * step: the case's process key and business key) or an introduction between two members (its id).
 */
public record FollowUp(long id, String businessKey, String clusterId, String sourceKind, String sourceRef,
                       String action, String owner, LocalDate dueOn, String status, boolean overdue, String outcome,
                       String ledTo, String createdBy, Instant createdAt, Instant doneAt) {

    public static final String INTRODUCTION = "introduction";

    public boolean done() {
        return FollowUpStatus.DONE.name().equals(status);
    }
}
