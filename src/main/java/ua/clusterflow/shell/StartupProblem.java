package ua.clusterflow.shell;

import java.io.IOException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A start-up a newcomer can break by what is already on their machine, said in one line with the setting that changes
 * it: Spring Boot prints the description and the action instead of a stack trace. Registered in
 * {@code META-INF/spring.factories}; Spring Boot's own analyzer already says so for the web port.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }

    /** The analyzer Spring Boot asks when the start fails. */
    public static class Analyzer implements FailureAnalyzer {

        @Override
        public FailureAnalysis analyze(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof StartupProblem problem) {
                    return new FailureAnalysis(problem.getMessage(), problem.action(), problem);
                }
            }
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return new FailureAnalysis("PostgreSQL cannot be reached: " + sql.getMessage(),
                            "Check that the server runs and accepts connections, or correct spring.datasource.url "
                                    + "(SPRING_DATASOURCE_URL), spring.datasource.username and spring.datasource.password;"
                                    + " without spring.datasource.url the app starts its own embedded PostgreSQL.",
                            sql);
                }
                if (cause instanceof IOException io && io.getMessage() != null
                        && io.getMessage().contains("No space left on device")) {
                    return new FailureAnalysis("The disk is full: " + io.getMessage(),
                            "Free disk space, or move the embedded database with clusterflow.embedded-db.data-directory"
                                    + " (CLUSTERFLOW_EMBEDDED_DB_DATA_DIRECTORY) to a disk with room.", io);
                }
            }
            return null;
        }
    }
}
