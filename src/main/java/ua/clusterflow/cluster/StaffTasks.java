package ua.clusterflow.cluster;

import java.util.Date;
import java.util.List;

/** The engine's tasks a person of a cluster's staff holds, as the staff pages count, list and hand them over. */
public interface StaffTasks {

    /** An open task as the hand-over lists it. */
    record OpenTask(String id, String name, Date created, Date due) {
    }

    long count(String clusterId, String userId);

    /** The person's open tasks in the cluster, oldest first (at most 1,000). */
    List<OpenTask> open(String clusterId, String userId);

    /** Assigns all the person's open tasks in the cluster to a colleague; returns how many. */
    int handOver(String clusterId, String userId, String colleague);
}
