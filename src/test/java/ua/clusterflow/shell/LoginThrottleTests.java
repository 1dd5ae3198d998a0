package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static ua.clusterflow.TestRequests.from;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.RateLimits;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;

/**
 * Guessing a password: at most 100 attempts per account in an hour from browsers the account never signed in from,
 * and 300 per client address, taken atomically; a browser with the device cookie of an earlier good sign-in has its
 * own attempts, so an attacker elsewhere cannot keep the owner out.
 */
class LoginThrottleTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;
    @Autowired RateLimits limits;
    @LocalServerPort int port;

    @Test
    void theHundredAndFirstAttemptWaitsEvenWithTheRightPassword() throws Exception {
        String user = person("guessed");
        for (int i = 0; i < limits.perHour(RateLimits.Limit.LOGIN_ACCOUNT); i++) {
            login(user, "wrong-" + i).andExpect(redirectedUrl("/login?error&user=" + user));
        }
        login(user, "right-password-1").andExpect(redirectedUrlPattern("/login?throttled=*&user=" + user));
        mvc.perform(get("/login").param("throttled", "60").param("user", user))
                .andExpect(content().string(containsString("id=\"login-throttled\"")))
                .andExpect(content().string(containsString("Спробуйте знову через 60 хв")))
                .andExpect(content().string(containsString("value=\"" + user + "\"")));
        // other accounts are not held up
        login("nadia", "demo").andExpect(redirectedUrl("/"));

        moveClock(Duration.ofMinutes(61));
        login(user, "right-password-1").andExpect(redirectedUrl("/"));
        login(user, "wrong-again").andExpect(redirectedUrl("/login?error&user=" + user));
        login(user, "right-password-1").andExpect(redirectedUrl("/"));
    }

    @Test
    void aLockoutFromOneAddressDoesNotKeepTheOwnerOutOfTheBrowserTheyUse() throws Exception {
        String owner = person("owner");
        Cookie device = mvc.perform(post("/login").with(csrf()).with(from("127.20.0.1"))
                        .param("username", owner).param("password", "right-password-1"))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie(LoginThrottle.DEVICE_COOKIE);
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();

        for (int i = 0; i < limits.perHour(RateLimits.Limit.LOGIN_ACCOUNT); i++) {
            mvc.perform(post("/login").with(csrf()).with(from("127.66.6.6")).param("username", owner)
                    .param("password", "guess-" + i)).andExpect(redirectedUrl("/login?error&user=" + owner));
        }
        mvc.perform(post("/login").with(csrf()).with(from("127.66.6.6")).param("username", owner)
                .param("password", "right-password-1")).andExpect(redirectedUrlPattern("/login?throttled=*"));

        // the owner, from another address, in the browser that signed in before
        mvc.perform(post("/login").with(csrf()).with(from("127.20.0.2")).cookie(device).param("username", owner)
                .param("password", "right-password-1")).andExpect(redirectedUrl("/"));
        // a device cookie of another account, or a forged one, counts for nothing
        Cookie forged = new Cookie(LoginThrottle.DEVICE_COOKIE, device.getValue().replace('a', 'b') + "x");
        mvc.perform(post("/login").with(csrf()).with(from("127.20.0.3")).cookie(forged).param("username", owner)
                .param("password", "right-password-1")).andExpect(redirectedUrlPattern("/login?throttled=*"));
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedToo() throws Exception {
        int perAddress = limits.perHour(RateLimits.Limit.LOGIN_ADDRESS);
        for (int i = 0; i < perAddress; i++) {
            mvc.perform(post("/login").with(csrf()).with(from("127.77.7.7")).param("username", "nobody-" + i)
                    .param("password", "x")).andExpect(redirectedUrl("/login?error&user=nobody-" + i));
        }
        mvc.perform(post("/login").with(csrf()).with(from("127.77.7.7")).param("username", "nadia")
                .param("password", "demo")).andExpect(redirectedUrlPattern("/login?throttled=*"));
        mvc.perform(post("/login").with(csrf()).with(from("127.77.7.8")).param("username", "nadia")
                .param("password", "demo")).andExpect(redirectedUrl("/"));
    }

    /** Over real HTTP: 200 wrong passwords at once for one account; exactly the limit are checked. */
    @Test
    void aBurstOfParallelWrongLoginsIsEvaluatedExactlyTheLimit() throws Exception {
        String user = person("burst");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String body = "username=" + user + "&password=wrong";
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // the login form's CSRF token is per session: each attempt opens its own session first
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                    .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + token)).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        long evaluated = 0;
        long refused = 0;
        for (CompletableFuture<HttpResponse<Void>> response : sent) {
            String location = response.get().headers().firstValue("Location").orElse("");
            evaluated += location.contains("/login?error") ? 1 : 0;
            refused += location.contains("/login?throttled=") ? 1 : 0;
        }
        assertThat(evaluated).isEqualTo(limits.perHour(RateLimits.Limit.LOGIN_ACCOUNT));
        assertThat(refused).isEqualTo(200 - evaluated);
        // Basic authentication on the engine's API takes from the same attempts
        HttpResponse<String> basic = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/engine")).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":right-password-1").getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    private String person(String prefix) {
        String user = prefix + "-" + System.nanoTime() % 1_000_000;
        directory.createPerson(user, "Тест", "Пароль", user + "@example.com", "uk", "right-password-1");
        directory.grant(user, "kharkiv", Role.MEMBER);
        return user;
    }

    private ResultActions login(String user, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", user).param("password", password));
    }
}
