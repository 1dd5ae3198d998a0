package ua.clusterflow.cluster;

import java.util.Date;
import java.util.List;

/** The engine's tasks a person of a cluster's staff holds, as the staff pages count, list and hand them over. */
public interface StaffTasks {

    /** An open task as the hand-over lists it: its step (by its model's id and name) and its case. */
    record OpenTask(String id, String stepId, String name, String businessKey, Date created, Date due) {
    }

    long count(String clusterId, String userId);

    /** The person's open tasks in the cluster, oldest first (at most 1,000). */
    List<OpenTask> open(String clusterId, String userId);

    /**
     * Assigns all the person's open tasks in the cluster to a colleague; returns how many. Ballots are not among them:
     * the board withdraws a leaving voter's ballots first.
     */
    int handOver(String clusterId, String userId, String colleague);
}
