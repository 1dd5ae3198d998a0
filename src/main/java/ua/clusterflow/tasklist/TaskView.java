package ua.clusterflow.tasklist;

import java.time.Instant;

/** A task as the task list and task page show it. */
public record TaskView(String id, String name, String businessKey, String caseTitle, String processKey,
                       String processName, String clusterId, String clusterName, String assignee,
                       String assigneeName, String owner, String ownerName, boolean delegated, Instant created,
                       Instant due, Instant followUp, int priority, String description) {

    public boolean overdue() {
        return due != null && due.isBefore(ua.clusterflow.system.AppClock.now());
    }

    public boolean heldBy(String userId) {
        return userId.equals(assignee);
    }
}
