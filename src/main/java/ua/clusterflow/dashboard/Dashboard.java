package ua.clusterflow.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A cluster measured by the ClusteRISE targets, its stage in the maturity model, and how its
 * processes run; every number computed from the cases and the coordinator's records.
 */
public record Dashboard(String clusterId, String clusterName, List<Figure> targets, Map<String, Integer> membersByMonth,
                        Map<String, Integer> fundraisingByQuarter, Map<String, Integer> exportByQuarter,
                        Map<String, Integer> meetupsByQuarter, double fundsAttracted, double feeIncome, int churn,
                        int introductions,
                        Maturity maturity, List<Criterion> eccp, List<ProcessFigures> processes,
                        List<StepFigures> steps, List<PersonLoad> people, Map<String, Integer> onboardingFunnel,
                        Double grantSuccessRate, FollowUps followUps, int guestsCheckedIn) {

    /**
     * The actions agreed at meetups, on board decisions and for introductions: all of them, those done, those open past
     * their day; and the introductions whose follow-up led to a joint application or meetup.
     */
    public record FollowUps(int agreed, int done, int overdue, int introductionsThatLed) {
    }

    /** Open and overdue tasks and cycle times of one process. */
    public record ProcessFigures(String processKey, long openTasks, long overdueTasks, long finishedCases,
                                 Double medianDays, Double p90Days) {
    }

    /** How long one step of a process takes, over its completed tasks. */
    public record StepFigures(String processKey, String stepKey, long completed, Double medianDays, Double p90Days) {
    }

    /** Open and overdue tasks of one person; a null person stands for tasks nobody has claimed yet. */
    public record PersonLoad(String userId, String name, long openTasks, long overdueTasks) {
    }

    /** The stage the cluster is in, the exit criteria of every stage, and the tools of this and the next stage. */
    public record Maturity(int stage, List<List<Criterion>> exitCriteria, List<String> stageTools,
                           List<String> nextStageTools) {

        public String stageKey() {
            return STAGES.get(stage);
        }
    }

    public static final List<String> STAGES = List.of("initial-trust", "growth-strategy", "expansion", "model-change");

    public Figure target(String key) {
        return targets.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    public Criterion criterion(String key) {
        return Stream.concat(maturity.exitCriteria().stream().flatMap(List::stream), eccp.stream())
                .filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
