package ua.clusterflow.books;

/** What makes a statement unreadable as a whole, as a message key and its arguments. */
public class StatementProblem extends Exception {

    private final transient Object[] args;

    public StatementProblem(String key, Object... args) {
        super(key);
        this.args = args;
    }

    public String key() {
        return getMessage();
    }

    public Object[] args() {
        return args;
    }
}
