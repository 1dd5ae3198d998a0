package ua.clusterflow.dashboard;

/** One figure against its target, e.g. 12 active members of 25. */
public record Figure(String key, double value, double target) {

    public boolean met() {
        return value >= target;
    }

    /** How far along the target is, 0 to 100, for the bar that shows it. */
    public int percent() {
        return target <= 0 ? 100 : (int) Math.min(100, Math.round(value * 100 / target));
    }
}
