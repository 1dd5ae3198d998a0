package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ua.clusterflow.AppProcess;
import ua.clusterflow.ClusterFlowApplication;
import ua.clusterflow.Processes;
import ua.clusterflow.demo.DemoData;

/**
 * Two application nodes in JVMs of their own on one PostgreSQL, as behind a load balancer: the sessions live in the
 * database, so a person signed in on one node goes on at the other. Twelve board members and coordinators sign in on
 * node A and comment on a case of their cluster, each time reading the form on one node and sending it to the other.
 * Node A is stopped (SIGTERM) with a comment still being sent: that request finishes and the comment is stored. A is
 * started again (a rolling upgrade), the people go on alternating, someone is removed from their cluster on A and is
 * refused on B at their next request; then every person opens the form on A, A is killed (SIGKILL), and they send it
 * to B: no one signs in again, no form is refused, each comment is stored once. The counts go to
 * {@code target/sessions/results.md}.
 */
class SessionsAcrossNodesIT {

    static final Path ROOT = Path.of("target", "sessions").toAbsolutePath();
    static final List<String> KHARKIV = List.of("olena", "petro", "iryna", "andriy", "maria", "taras");
    static final List<String> ZAPORIZHZHIA = List.of("serhiy", "oksana", "vasyl", "halyna", "dmytro", "yulia");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final String REMOVED = "taras";

    private final Map<String, String> counts = new LinkedHashMap<>();
    private int requests;
    private int signInsAsked;
    private int refused;
    private int sent;

    @Test
    void peopleGoOnAtTheOtherNodeWhenOneStopsOrDiesAndNoFormIsLost() throws Exception {
        Files.createDirectories(ROOT);
        GreenMail smtp = OwnServers.smtp();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(ROOT.resolve("postgres"))
                .setCleanDataDirectory(true).setPGStartupWait(Duration.ofMinutes(2)).start()) {
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            List<String> common = OwnServers.arguments(postgres, smtp);
            List<String> seedArguments = new ArrayList<>(common);
            seedArguments.addAll(List.of("--server.port=0", "--clusterflow.demo-data=true",
                    "--clusterflow.mail.scheduled=false", "--camunda.bpm.job-execution.enabled=false"));
            try (ConfigurableApplicationContext seed = new SpringApplicationBuilder(ClusterFlowApplication.class)
                    .run(seedArguments.toArray(String[]::new))) {
                // the demo's people and cases are what the nodes serve
            }
            Map<String, String> caseOf = new LinkedHashMap<>();
            KHARKIV.forEach(p -> caseOf.put(p, firstCase(jdbc, "kharkiv")));
            ZAPORIZHZHIA.forEach(p -> caseOf.put(p, firstCase(jdbc, "zaporizhzhia")));
            Map<String, Person> people = new LinkedHashMap<>();
            caseOf.forEach((id, reference) -> people.put(id, new Person(id, reference)));

            int portA = Processes.freePort();
            int portB = Processes.freePort();
            AppProcess nodeA = AppProcess.launch(portA, ROOT.resolve("node-a.log"), common);
            AppProcess nodeB = AppProcess.launch(portB, ROOT.resolve("node-b.log"), common);
            nodeA.awaitReady();
            nodeB.awaitReady();
            try {
                assertThat(get(portA, "/actuator/health/liveness").body()).contains("\"UP\"");
                assertThat(get(portB, "/actuator/health/readiness").body()).contains("\"UP\"");
                for (Person person : people.values()) {
                    person.signIn(portA);
                }
                for (int round = 0; round < 4; round++) {
                    for (Person person : people.values()) {
                        boolean even = round % 2 == 0;
                        person.comment(even ? portA : portB, even ? portB : portA, "round " + round);
                    }
                }

                // a rolling upgrade: node A is told to stop while a comment is still on its way to it
                Person olena = people.get("olena");
                String token = olena.openForm(portA);
                try (Socket slow = new Socket("localhost", portA)) {
                    String body = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&body="
                            + URLEncoder.encode("olena: sent while node A stops", StandardCharsets.UTF_8);
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = slow.getOutputStream();
                    out.write(("POST /cases/" + olena.reference + "/comments HTTP/1.1\r\nHost: localhost:" + portA
                            + "\r\nCookie: " + olena.cookieHeader(portA)
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    Thread.sleep(500);
                    long stopping = System.nanoTime();
                    Thread stopper = new Thread(() -> {
                        try {
                            nodeA.stop();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    stopper.start();
                    Thread.sleep(2000);
                    assertThat(nodeA.isAlive()).as("node A waits for the request in flight").isTrue();
                    out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                    out.flush();
                    String status = statusLine(slow.getInputStream());
                    stopper.join();
                    counts.put("inFlightAtStopAnswered", status);
                    counts.put("nodeAStopSeconds", String.valueOf(Math.round((System.nanoTime() - stopping) / 1e8) / 10.0));
                    assertThat(status).as("the request in flight at the stop finished").contains(" 302");
                }
                assertThat(stored(jdbc, olena.reference, "olena: sent while node A stops")).isEqualTo(1);
                for (Person person : people.values()) {
                    person.comment(portB, portB, "while A is down");
                }
                AppProcess nodeA2 = AppProcess.launch(portA, ROOT.resolve("node-a-again.log"), common);
                nodeA2.awaitReady();
                try {
                    for (int round = 4; round < 6; round++) {
                        for (Person person : people.values()) {
                            boolean even = round % 2 == 0;
                            person.comment(even ? portA : portB, even ? portB : portA, "round " + round);
                        }
                    }
                    // removed from the cluster on node A (the engine's REST API, as the Admin webapp does), refused on B
                    Person removed = people.remove(REMOVED);
                    assertThat(removed.page(portB, "/cases/" + removed.reference).statusCode()).isEqualTo(200);
                    assertThat(admin(portA, "/engine-rest/group/kharkiv-board/members/" + REMOVED)).isEqualTo(204);
                    assertThat(admin(portA, "/engine-rest/tenant/kharkiv/user-members/" + REMOVED)).isEqualTo(204);
                    int refusedAtB = removed.page(portB, "/cases/" + removed.reference).statusCode();
                    counts.put("removedPersonOnNodeB", String.valueOf(refusedAtB));
                    assertThat(refusedAtB).as("the removed board member is refused on B").isEqualTo(404);

                    // in the middle of their work, node A dies
                    Map<Person, String> tokens = new LinkedHashMap<>();
                    for (Person person : people.values()) {
                        tokens.put(person, person.openForm(portA));
                    }
                    nodeA2.kill();
                    int signInsBefore = signInsAsked;
                    int refusedBefore = refused;
                    for (Map.Entry<Person, String> entry : tokens.entrySet()) {
                        entry.getKey().send(portB, entry.getValue(), "after node A died");
                    }
                    for (Person person : people.values()) {
                        person.comment(portB, portB, "on B alone");
                    }
                    counts.put("signInsNeededAfterKill", String.valueOf(signInsAsked - signInsBefore));
                    counts.put("formsRefusedAfterKill", String.valueOf(refused - refusedBefore));
                    assertThat(signInsAsked - signInsBefore).isZero();
                    assertThat(refused - refusedBefore).isZero();
                } finally {
                    if (nodeA2.isAlive()) {
                        nodeA2.stop();
                    }
                }

                long storedComments = jdbc.sql("select count(*) from case_comment where body like '% · %'")
                        .query(Long.class).single();
                long storedTwice = jdbc.sql("""
                        select count(*) from (select body from case_comment where body like '% · %'
                          group by body having count(*) > 1) twice""").query(Long.class).single();
                counts.put("people", String.valueOf(caseOf.size()));
                counts.put("requests", String.valueOf(requests));
                counts.put("formsSent", String.valueOf(sent));
                counts.put("formsStored", String.valueOf(storedComments));
                counts.put("formsLost", String.valueOf(sent - storedComments));
                counts.put("formsStoredTwice", String.valueOf(storedTwice));
                counts.put("signInsAsked", String.valueOf(signInsAsked));
                counts.put("sessionsInDatabase", String.valueOf(jdbc.sql("select count(*) from spring_session")
                        .query(Long.class).single()));
                assertThat(storedComments).as("every form sent is stored").isEqualTo(sent);
                assertThat(storedTwice).isZero();
                assertThat(signInsAsked).as("nobody was asked to sign in again").isZero();
                assertThat(refused).as("no form was refused").isZero();
            } finally {
                if (nodeA.isAlive()) {
                    nodeA.stop();
                }
                nodeB.stop();
                smtp.stop();
            }
            OwnServers.writeResults(ROOT, new LinkedHashMap<>(counts));
        }
    }

    /** One person's browser: its cookies (the session's among them) go to both nodes, as behind one address. */
    private final class Person {
        final String id;
        final String reference;
        final CookieManager cookies = new CookieManager();
        final HttpClient client;
        int written;

        Person(String id, String reference) {
            this.id = id;
            this.reference = reference;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        void signIn(int port) throws Exception {
            String token = csrf(page(port, "/login").body());
            HttpResponse<String> signedIn = post(port, "/login", "username=" + id + "&password=" + DemoData.PASSWORD
                    + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            assertThat(signedIn.headers().firstValue("Location").orElse("")).as(id + " signs in").doesNotContain("error");
        }

        /** Reads the case page with its comment form on one node and sends the form to the other. */
        void comment(int readAt, int sendTo, String what) throws Exception {
            send(sendTo, openForm(readAt), what);
        }

        String openForm(int port) throws Exception {
            HttpResponse<String> page = page(port, "/cases/" + reference);
            note(page);
            assertThat(page.statusCode()).as(id + " reads the case page").isEqualTo(200);
            return csrf(page.body());
        }

        void send(int port, String token, String what) throws Exception {
            String text = id + ": " + what + " · " + (++written);
            sent++;
            HttpResponse<String> answer = post(port, "/cases/" + reference + "/comments", "_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&body=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
            note(answer);
            assertThat(answer.statusCode()).as(id + " sends a comment").isEqualTo(302);
            HttpResponse<String> after = page(port, answer.headers().firstValue("Location").orElseThrow());
            note(after);
            assertThat(after.body()).as(id + " sees the comment").contains(text.replace("'", "&#39;"));
        }

        String cookieHeader(int port) throws IOException {
            return String.join("; ", cookies.get(URI.create("http://localhost:" + port + "/"), Map.of()).get("Cookie"));
        }

        HttpResponse<String> page(int port, String path) throws Exception {
            requests++;
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(int port, String path, String form) throws Exception {
            requests++;
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private void note(HttpResponse<String> response) {
        if (response.headers().firstValue("Location").orElse("").contains("/login")) {
            signInsAsked++;
        }
        if (response.statusCode() == 403) {
            refused++;
        }
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a form with its CSRF token").isTrue();
        return matcher.group(1);
    }

    private static String firstCase(JdbcClient jdbc, String cluster) {
        return jdbc.sql("select business_key from case_record where cluster_id = ? and process_key = 'MemberOnboarding' "
                + "order by business_key limit 1").param(cluster).query(String.class).single();
    }

    private static long stored(JdbcClient jdbc, String reference, String prefix) {
        return jdbc.sql("select count(*) from case_comment where business_key = ? and body like ?")
                .params(reference, prefix + "%").query(Long.class).single();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int admin(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + DemoData.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).header("Content-Type", "application/json").DELETE().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }
}
