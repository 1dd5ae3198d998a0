package ua.clusterflow.dashboard;

/** An exit criterion of a maturity stage: met or missing, and why, e.g. "12 of 10–15 members". */
public record Criterion(String key, boolean met, String evidence) {
}
