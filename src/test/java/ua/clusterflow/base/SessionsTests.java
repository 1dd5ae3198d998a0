package ua.clusterflow.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.demo.DemoData;

/**
 * Signed-in sessions live in PostgreSQL, indexed by the account, and expire there as they did in memory; what the
 * operators' Camunda webapps keep in a session survives being stored there.
 */
class SessionsTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcIndexedSessionRepository repository;
    @Autowired ClusterDirectory directory;

    @Test
    void aSessionIsARowOfTheAccountAndAnExpiredOneIsRemovedAndSignsOut() throws Exception {
        String user = "session-" + System.nanoTime() % 1_000_000;
        directory.createPerson(user, "Сесія", "Тест", user + "@example.com", "uk", "a-password-12");
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", user).param("password", "a-password-12"))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("clusterflow-session");
        assertThat(session.isHttpOnly()).isTrue();
        mvc.perform(get("/cases").cookie(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?").param(user)
                .query(Integer.class).single()).as("30 minutes without a request").isEqualTo(1800);

        jdbc.sql("update spring_session set expiry_time = 0 where principal_name = ?").param(user).update();
        repository.cleanUpExpiredSessions();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(user)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/cases").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void whatTheOperatorsWebappsKeepInTheSessionIsStoredAndReadBackOverHttp() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager()).build();
        String login = client.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + DemoData.PASSWORD
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(client.send(request("/camunda/app/cockpit/default/").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        var user = client.send(request("/camunda/api/admin/auth/user/default").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"admin\"");
    }

    @LocalServerPort int port;

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
