package ua.clusterflow.tasklist;

import java.time.Instant;
import ua.clusterflow.base.AppClock;

/**
 * A task as the task list and task page show it; its process definition, step and delegation state ({@code PENDING}
 * with the delegate, {@code RESOLVED} when returned, or null) find its form and delegation; its case's process
 * ({@code caseProcessKey}, null where the case has no record) what the page tells of the case.
 */
public record TaskView(String id, String name, String businessKey, String caseTitle, String processKey,
                       String processName, String clusterId, String clusterName, String assignee,
                       String assigneeName, String owner, String ownerName, boolean delegated, Instant created,
                       Instant due, Instant followUp, int priority, String description, String processDefinitionId,
                       String stepKey, String delegationState, String caseProcessKey) {

    public boolean overdue() {
        return due != null && due.isBefore(AppClock.now());
    }

    public boolean heldBy(String userId) {
        return userId.equals(assignee);
    }
}
