package ua.clusterflow.tasklist;

/**
 * What the task list shows: {@code view} is mine, group (unclaimed tasks of my groups) or all
 * (both, and the tasks I delegated); {@code due} is overdue or today.
 */
public record TaskFilter(String view, String process, String cluster, String due, String search, int page) {

    public static final int PAGE_SIZE = 25;

    public TaskFilter {
        view = view == null || view.isBlank() ? "all" : view;
        page = Math.max(0, page);
    }

    public TaskFilter withPage(int other) {
        return new TaskFilter(view, process, cluster, due, search, other);
    }
}
