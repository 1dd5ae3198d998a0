package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import ua.clusterflow.AppProcess;
import ua.clusterflow.Processes;

/**
 * The application as a newcomer starts it for a real installation: no settings but its own ports and folders. Nobody
 * signs in with the demo's password, no demo case is there, the first administrator's password is the one generated
 * into the log (once, and nowhere else), and the engine's API deploys nothing.
 */
class FreshInstallIT {

    static final Path ROOT = Path.of("target", "fresh").toAbsolutePath();
    private static final Pattern GENERATED = Pattern.compile("administrator 'admin' with the password '([^']+)'");

    @Test
    void aStartWithoutSettingsHasNoKnownPasswordNoDemoAndNoOpenEngine() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        int port = Processes.freePort();
        Path log = ROOT.resolve("app.log");
        AppProcess app = AppProcess.start(port, log, List.of(
                "--clusterflow.embedded-db.data-directory=" + ROOT.resolve("postgres"),
                "--clusterflow.embedded-db.port=" + Processes.freePort(),
                "--clusterflow.mail.catcher.port=" + Processes.freePort()));
        try {
            String output = Files.readString(log);
            Matcher generated = GENERATED.matcher(output);
            assertThat(generated.find()).as("the generated password in the log").isTrue();
            String password = generated.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo("demo");
            assertThat(output.split(Pattern.quote(password), -1)).as("the password is written once").hasSize(2);
            assertThat(output).doesNotContain("Loading demo data");

            String base = "http://localhost:" + port;
            for (String user : List.of("admin", "olena", "petro", "nadia")) {
                assertThat(login(base, user, "demo")).as(user + " with the demo password").contains("/login?error");
            }
            assertThat(login(base, "admin", password)).doesNotContain("/login");

            HttpClient client = HttpClient.newHttpClient();
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/meetups/MEE-00001")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            HttpResponse<String> deploy = client.send(HttpRequest.newBuilder(URI.create(base
                            + "/engine-rest/deployment/create")).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(deploy.statusCode()).isEqualTo(403);
            // no proxy is named: a forwarded header from this machine's own address is not believed either
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-Proto", "https")
                    .build(), HttpResponse.BodyHandlers.discarding()).headers()
                    .firstValue("Strict-Transport-Security")).isEmpty();
        } finally {
            app.stop();
        }
    }

    /** Signs in through the login form; returns where the app sends the person next. */
    private static String login(String base, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("Location").orElse("");
    }
}
