package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;
import ua.clusterflow.AppProcess;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.Processes;
import ua.clusterflow.RealDoor;
import ua.clusterflow.cluster.Edrpou;

/**
 * The packaged jar on its own embedded PostgreSQL, as the README's first command runs it: the database server is
 * killed while people send applications, and the app starts it again by itself; then the app itself is killed
 * (SIGKILL), its database left running, and started again on the same data folder. Nothing acknowledged is lost.
 */
class EmbeddedDatabaseDeathIT {

    private static final Path ROOT = Path.of("target", "embedded-death").toAbsolutePath();
    private static final Pattern PORT = Pattern.compile("Embedded PostgreSQL on port (\\d+)");

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger unexpected = new AtomicInteger();

    @Test
    void theAppRestartsItsDeadDatabaseAndStartsAgainAfterItWasKilledWithNothingAcknowledgedLost() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        int port = Processes.freePort();
        List<String> arguments = List.of("--clusterflow.embedded-db.data-directory=" + ROOT.resolve("postgres"),
                "--clusterflow.mail.catcher.port=" + Processes.freePort(), "--clusterflow.demo-data=true",
                "--clusterflow.limits.public-address=1000000", "--clusterflow.limits.public-recipient=1000000");
        Map<String, Object> results = new LinkedHashMap<>();
        AppProcess app = AppProcess.start(port, ROOT.resolve("app.log"), arguments);
        try {
            app.awaitOutput("Demo data loaded");
            long server = postmaster();
            AtomicBoolean sending = new AtomicBoolean(true);
            List<Thread> people = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int person = i;
                Thread thread = new Thread(() -> send(port, "127.0.43." + (person + 1), sending));
                thread.start();
                people.add(thread);
            }
            OwnServers.waitUntil("applications stored before the kill", () -> acknowledged.size() >= 40);
            int before = acknowledged.size();
            ProcessHandle.of(server).orElseThrow().destroyForcibly();
            OwnServers.waitUntil("the server's end", () -> ProcessHandle.of(server).map(p -> !p.isAlive()).orElse(true));
            OwnServers.waitUntil("readiness 200 with a new server", () -> readiness(port) == 200 && postmaster() != server);
            int atRestart = acknowledged.size();
            OwnServers.waitUntil("applications stored after the restart", () -> acknowledged.size() >= atRestart + 20);
            sending.set(false);
            for (Thread thread : people) {
                thread.join(60_000);
            }
            assertThat(unexpected.get()).as("answers other than stored (302) or the 503 page").isZero();
            assertThat(stored(ROOT.resolve("app.log"))).containsAll(acknowledged);
            results.put("acknowledged before the server was killed", before);
            results.put("acknowledged in all", acknowledged.size());
            results.put("refused with the 503 page while it was away", refused.get());

            long left = postmaster();
            app.kill();
            assertThat(ProcessHandle.of(left).map(ProcessHandle::isAlive)).as("the server outlives the app")
                    .contains(true);
            app = AppProcess.start(port, ROOT.resolve("app-again.log"), arguments);
            assertThat(app.startupSeconds()).as("serves again within a minute").isLessThan(60);
            assertThat(Files.readString(ROOT.resolve("app-again.log"))).contains("Stopping the embedded PostgreSQL (pid "
                    + left + ")");
            assertThat(stored(ROOT.resolve("app-again.log"))).containsAll(acknowledged);
            results.put("start after the app was killed, seconds", app.startupSeconds());
            results.put("lost", 0);
        } finally {
            app.stop();
        }
        OwnServers.writeResults(ROOT, results);
    }

    /** One person sending applications, each with its own submission, until told to stop. */
    private void send(int port, String address, AtomicBoolean sending) {
        try (RealDoor door = RealDoor.from(port, address)) {
            for (int i = 0; i < 5_000 && sending.get(); i++) {
                String email = "death-" + UUID.randomUUID() + "@example.com";
                try {
                    door.get("/apply/kharkiv");
                    Map<String, String> fields = new HashMap<>();
                    String first7 = String.valueOf(4_000_000 + (int) (Math.random() * 999_999));
                    CaseSteps.applicationValues("ТОВ «Стійкість»", first7 + Edrpou.checkDigit(first7), email)
                            .forEach((name, value) -> fields.put(name, String.valueOf(value)));
                    fields.put("submissionId", UUID.randomUUID().toString());
                    int status = door.post("/apply/kharkiv", fields).status();
                    if (status == 302) {
                        acknowledged.add(email);
                    } else if (status == 503) {
                        refused.incrementAndGet();
                    } else {
                        unexpected.incrementAndGet();
                    }
                } catch (RuntimeException connectionLost) {
                    refused.incrementAndGet();
                }
            }
        } catch (Exception e) {
            unexpected.incrementAndGet();
        }
    }

    /** The contact addresses of the applications the database holds, read from the server the log names last. */
    private static Set<String> stored(Path log) throws Exception {
        Matcher port = PORT.matcher(Files.readString(log));
        String found = null;
        while (port.find()) {
            found = port.group(1);
        }
        assertThat(found).as("the embedded server's port in " + log).isNotNull();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + found
                + "/postgres", "postgres", "postgres"));
        return Set.copyOf(jdbc.sql("select contact_email from onboarding_application").query(String.class).list());
    }

    private static long postmaster() {
        try {
            return Long.parseLong(Files.readAllLines(ROOT.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        } catch (Exception notThere) {
            return -1;
        }
    }

    private static int readiness(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
