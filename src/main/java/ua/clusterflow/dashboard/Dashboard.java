package ua.clusterflow.dashboard;

import java.util.List;
import java.util.Map;

/**
 * A cluster measured by the ClusteRISE targets, its stage in the maturity model, and how its
 * processes run; every number computed from the cases themselves.
 */
public record Dashboard(String clusterId, String clusterName, List<Figure> targets, Map<String, Integer> membersByMonth,
                        Map<String, Integer> fundraisingByQuarter, Map<String, Integer> eventsByQuarter,
                        double fundsAttracted, int introductions, int stage, List<List<Criterion>> stageCriteria,
                        List<ProcessFigures> processes, Map<String, Integer> onboardingFunnel,
                        Double grantSuccessRate) {

    /** Open and overdue tasks and cycle times of one process. */
    public record ProcessFigures(String processKey, long openTasks, long overdueTasks, long finishedCases,
                                 Double medianDays, Double p90Days) {
    }

    public static final String[] STAGES = {"initial-trust", "growth-strategy", "expansion", "model-change"};
}
