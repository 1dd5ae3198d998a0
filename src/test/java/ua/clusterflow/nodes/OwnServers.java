package ua.clusterflow.nodes;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import ua.clusterflow.Processes;

/**
 * What the tests that run the application in JVMs of its own share: an SMTP server of their own, the command line
 * that points the application (profile {@code nodes}) at their PostgreSQL and SMTP server, and their counts file.
 */
final class OwnServers {

    private OwnServers() {
    }

    /** An SMTP server on a free port, started. */
    static GreenMail smtp() throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(Processes.freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The application's arguments for this database and SMTP server, with any more after them. */
    static List<String> arguments(EmbeddedPostgres postgres, GreenMail smtp, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=nodes",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.mail.host=localhost", "--spring.mail.port=" + smtp.getSmtp().getPort()));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** The counts of a run, a line each, to {@code results.md} in the folder. */
    static void writeResults(Path folder, Map<String, Object> results) throws IOException {
        Files.writeString(folder.resolve("results.md"), results.entrySet().stream()
                .map(e -> "- " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    }

    /** Asks until the answer is there, for at most three minutes: a slow machine gets there later, never a wrong answer. */
    static <T> T waitFor(String what, Supplier<T> answer) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            T value = answer.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Waited three minutes for " + what);
    }

    static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        waitFor(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }
}
