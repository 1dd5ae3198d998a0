package ua.clusterflow.tasklist;

import java.util.List;
import java.util.Map;

/** What the engine knows of a cluster's processes: open work, how long cases and steps take, who holds what. */
public interface ProcessFigures {

    /** Open and overdue tasks of one process. */
    record OpenTasks(long tasks, long overdue) {
    }

    /** Finished cases of one process and how long they took: the median and the 90th percentile, in milliseconds. */
    record Cycle(long finished, long medianMillis, long p90Millis) {
    }

    /** A step of a process, completed so many times, and how long it took. */
    record Step(String processKey, String stepId, long completed, long medianMillis, long p90Millis) {
    }

    /** The open and overdue tasks one person (or nobody yet, null) holds. */
    record Load(String assignee, long tasks, long overdue) {
    }

    Map<String, OpenTasks> openTasks(String clusterId);

    Map<String, Cycle> cycles(String clusterId);

    List<Step> steps(String clusterId);

    List<Load> loads(String clusterId);
}
