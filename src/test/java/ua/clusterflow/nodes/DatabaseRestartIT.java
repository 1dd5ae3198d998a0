package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import ua.clusterflow.AppProcess;
import ua.clusterflow.Processes;
import ua.clusterflow.cluster.Edrpou;

/**
 * PostgreSQL stopped and started again while eight people send membership applications through the public form,
 * the application running on in a JVM of its own. Each person either sees success and the application is stored,
 * or sees a clear error page (no stack trace) and sends the same form again, which is then stored once. After the
 * restart the application serves again by itself, without being restarted. The counts go to
 * {@code target/restart/results.md}.
 */
class DatabaseRestartIT {

    static final Path ROOT = Path.of("target", "restart").toAbsolutePath();
    static final int PEOPLE = 8;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SUBMISSION = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"");

    /** One person's form as sent: the same session, token and submission id when sent again. */
    record Attempt(HttpClient client, String csrf, String submissionId, String edrpou) {
    }

    @Test
    void theApplicationRecoversByItselfAndNoSubmittedFormIsLost() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        Path data = ROOT.resolve("postgres");
        int databasePort = Processes.freePort();
        GreenMail smtp = OwnServers.smtp();
        EmbeddedPostgres postgres = database(data, databasePort);
        int port = Processes.freePort();
        AppProcess app = AppProcess.start(port, ROOT.resolve("app.log"), OwnServers.arguments(postgres, smtp,
                "--spring.datasource.hikari.connection-timeout=5000", "--clusterflow.demo-data=true"));
        app.awaitOutput("Demo data loaded");
        String base = "http://localhost:" + port;

        ConcurrentLinkedQueue<String> stored = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Attempt> refused = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errorPages = new ConcurrentLinkedQueue<>();
        AtomicInteger formsNotShown = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Object> results = new LinkedHashMap<>();
        ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
        try {
            for (int p = 0; p < PEOPLE; p++) {
                people.submit(() -> {
                    while (running.get()) {
                        try {
                            Attempt attempt = openForm(base, sequence.incrementAndGet(), errorPages);
                            if (attempt == null) {
                                formsNotShown.incrementAndGet();
                                Thread.sleep(200);
                                continue;
                            }
                            HttpResponse<String> response = send(base, attempt);
                            if (response.statusCode() == 302) {
                                stored.add(attempt.edrpou());
                            } else {
                                refused.add(attempt);
                                errorPages.add(response.statusCode() + " " + response.body());
                            }
                        } catch (IOException | InterruptedException e) {
                            formsNotShown.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            OwnServers.waitUntil("forms stored before the stop", () -> stored.size() >= 20);
            int beforeStop = stored.size();
            int toldBefore = refused.size() + formsNotShown.get();
            postgres.close();
            // the database is part of readiness: a load balancer would send people to another node meanwhile
            int[] readyDuringOutage = new int[1];
            OwnServers.waitUntil("people told while the database is down", () -> {
                try {
                    readyDuringOutage[0] = readiness(base);
                } catch (IOException | InterruptedException e) {
                    return false;
                }
                // until each of the people has met the outage once, on a form or sending it
                return readyDuringOutage[0] == 503 && refused.size() + formsNotShown.get() >= toldBefore + PEOPLE;
            });
            int duringOutage = stored.size() - beforeStop;
            postgres = database(data, databasePort);
            long restartedAt = System.nanoTime();
            long recoveredAt = 0;
            int atRestart = stored.size();
            // until 20 more are stored after the restart, for at most a minute
            while (System.nanoTime() - restartedAt < TimeUnit.SECONDS.toNanos(60) && stored.size() < atRestart + 20) {
                if (recoveredAt == 0 && stored.size() > atRestart) {
                    recoveredAt = System.nanoTime();
                }
                Thread.sleep(100);
            }
            if (recoveredAt == 0 && stored.size() > atRestart) {
                recoveredAt = System.nanoTime();
            }
            running.set(false);
            people.shutdown();
            assertThat(people.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            results.put("readinessWhileTheDatabaseWasDown", readyDuringOutage[0]);
            results.put("readinessAfterTheRestart", readiness(base));
            assertThat(readyDuringOutage[0]).isEqualTo(503);
            assertThat(results.get("readinessAfterTheRestart")).isEqualTo(200);
            assertThat(app.isAlive()).as("the application was not restarted").isTrue();

            results.put("storedBeforeTheStop", beforeStop);
            results.put("storedWhileTheDatabaseWasDown", duringOutage);
            results.put("secondsToTheFirstStoredAfterTheRestart", recoveredAt == 0 ? -1
                    : Math.round((recoveredAt - restartedAt) / 1e8) / 10.0);
            results.put("storedAfterTheRestart", stored.size() - atRestart);
            results.put("refusedWithAnErrorPage", refused.size());
            results.put("formsNotShown", formsNotShown.get());
            assertThat(beforeStop).isPositive();
            assertThat(recoveredAt).as("stored again after the restart, by itself").isPositive();
            assertThat(refused).as("people were told while the database was down").isNotEmpty();
            assertThat(errorPages).as("every error a person saw, on the form or sending it").allSatisfy(page -> {
                assertThat(page).startsWith("503");
                assertThat(page).doesNotContain("Exception", "at ua.clusterflow", "org.postgresql", "SQL");
            });

            // everyone told of an error sends the same form again: stored once
            int resent = 0;
            for (Attempt attempt : refused) {
                HttpResponse<String> again = send(base, attempt);
                assertThat(again.statusCode()).as("sent again: %s", again.body()).isEqualTo(302);
                stored.add(attempt.edrpou());
                resent++;
            }
            results.put("sentAgainAndStored", resent);

            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            Map<String, Long> rows = jdbc.sql("""
                    select edrpou, count(*) from onboarding_application where name like 'ТОВ «Перезапуск %'
                    group by edrpou""")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<String> lost = new ArrayList<>(stored.stream().filter(e -> !rows.containsKey(e)).toList());
            assertThat(lost).as("every application a person saw succeed is stored").isEmpty();
            assertThat(rows.values()).as("each stored once").allMatch(count -> count == 1);
            assertThat(rows.keySet()).as("nothing stored that nobody sent").isSubsetOf(stored);
            results.put("applicationsStored", rows.size());
            results.put("recordsLost", lost.size());
        } finally {
            running.set(false);
            people.shutdownNow();
            app.stop();
            postgres.close();
            smtp.stop();
        }
        OwnServers.writeResults(ROOT, results);
    }

    private static int readiness(String base) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static EmbeddedPostgres database(Path data, int port) throws IOException {
        // kept across the restart: only the server process stops
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofMinutes(2)).start();
    }

    private static Attempt openForm(String base, int n, ConcurrentLinkedQueue<String> errorPages)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/apply/kharkiv"))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        if (form.statusCode() != 200) {
            errorPages.add(form.statusCode() + " " + form.body());
            return null;
        }
        Matcher csrf = CSRF.matcher(form.body());
        Matcher submission = SUBMISSION.matcher(form.body());
        assertThat(csrf.find() && submission.find()).as("the form's hidden fields").isTrue();
        String first7 = String.valueOf(5_000_000 + n);
        return new Attempt(client, csrf.group(1), submission.group(1), first7 + Edrpou.checkDigit(first7));
    }

    private static HttpResponse<String> send(String base, Attempt attempt) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", attempt.csrf());
        fields.put("submissionId", attempt.submissionId());
        fields.put("organisationName", "ТОВ «Перезапуск " + attempt.edrpou() + "»");
        fields.put("edrpou", attempt.edrpou());
        fields.put("category", "sme");
        fields.put("sectors", "automation");
        fields.put("headcount", "12");
        fields.put("region", "Харківська");
        fields.put("contactName", "Тетяна Бойко");
        fields.put("contactEmail", "restart-" + attempt.edrpou() + "@example.com");
        fields.put("offers", "Зварювання");
        fields.put("needs", "Партнери");
        fields.put("consent", "true");
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return attempt.client().send(HttpRequest.newBuilder(URI.create(base + "/apply/kharkiv"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "uk").header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
