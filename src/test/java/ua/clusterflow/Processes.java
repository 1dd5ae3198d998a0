package ua.clusterflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

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

    /**
     * The ports the tests hand out: below the range the system gives to connections and to servers asking for any port
     * (32768 and up on Linux), where the embedded PostgreSQL servers and the outgoing connections take theirs, and a
     * block of its own for each test JVM ({@code test.port.block}, named by the fork's number), so that two JVMs
     * never hand out the same port and a port handed out is not taken by another server before the application
     * binds it.
     */
    private static final AtomicInteger NEXT = new AtomicInteger(20_000 + 1_500 * (block() % 8));

    /** This JVM's block: the digits of {@code test.port.block} ("fork-2"), 0 when it has none. */
    private static int block() {
        String digits = System.getProperty("test.port.block", "").replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /** A port no server listens on, not handed out before by this JVM. */
    public static int freePort() throws IOException {
        for (int tries = 0; tries < 1_500; tries++) {
            int port = NEXT.getAndIncrement();
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // someone else's: the next one
            }
        }
        throw new IOException("No free port from " + NEXT.get());
    }
}
