package ua.clusterflow.tasklist;

/** Why a person cannot do what they asked with a task, as a message key and its arguments. */
public class TaskProblem extends RuntimeException {

    private final Object[] args;

    public TaskProblem(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args;
    }
}
