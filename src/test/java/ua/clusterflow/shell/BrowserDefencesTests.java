package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.demo.DemoData;

/**
 * What the browser is told over real HTTP: a content security policy without inline script, no framing, no type
 * sniffing, and a new session at sign-in so a session id planted before it is worth nothing. HSTS behind a proxy's
 * TLS: {@link RealDoorTests}.
 */
class BrowserDefencesTests extends IntegrationTest {

    @LocalServerPort int port;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesForbidInlineScriptFramingAndSniffing() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher script = Pattern.compile("script-src ([^;]*)").matcher(csp);
        assertThat(script.find()).isTrue();
        assertThat(script.group(1)).isEqualTo("'self'");
        assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("on(click|load|error)=");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void signingInStartsANewSession() throws Exception {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String planted = cookie(form);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", "clusterflow-session=" + planted)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=olena&password=" + DemoData.PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = cookie(signedIn);
        assertThat(session).isNotBlank().isNotEqualTo(planted);
        HttpResponse<String> withPlanted = client.send(HttpRequest.newBuilder(uri("/tasks"))
                .header("Cookie", "clusterflow-session=" + planted).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withPlanted.statusCode()).as("the planted id is not signed in").isEqualTo(302);
        HttpResponse<String> withNew = client.send(HttpRequest.newBuilder(uri("/tasks"))
                .header("Cookie", "clusterflow-session=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withNew.statusCode()).isEqualTo(200);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("clusterflow-session="))
                .map(c -> c.substring("clusterflow-session=".length(), c.indexOf(';'))).findFirst().orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
