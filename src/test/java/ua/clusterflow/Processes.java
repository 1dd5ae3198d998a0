package ua.clusterflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

/** Commands the tests and benchmarks run beside the application (pg_dump, pg_restore, pgbench), and free ports. */
public final class Processes {

    private Processes() {
    }

    /** Runs a PostgreSQL client command as the embedded server's user, failing with its output unless it succeeds. */
    public static String runAsPostgres(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("%s%n%s", String.join(" ", command), output).isZero();
        return output;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
