package ua.clusterflow.dashboard;

import java.util.List;

/** One cluster in the alliance view: the same targets, funds, stage and task counts its dashboard shows. */
public record AllianceRow(String clusterId, String clusterName, List<Figure> targets, double fundsAttracted,
                          int introductions, int stage, long openTasks, long overdueTasks, Double grantSuccessRate) {
}
