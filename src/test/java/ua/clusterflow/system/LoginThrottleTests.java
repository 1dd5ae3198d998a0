package ua.clusterflow.system;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Role;

/** Guessing a password: at most 100 failed logins per account in an hour, then a wait with a clear message. */
class LoginThrottleTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;

    @Test
    void theHundredAndFirstAttemptWaitsEvenWithTheRightPassword() throws Exception {
        String user = "guessed-" + System.nanoTime() % 100_000;
        directory.createPerson(user, "Тест", "Пароль", user + "@example.com", "uk", "right-password-1");
        directory.grant(user, "kharkiv", Role.MEMBER);

        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
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

    private ResultActions login(String user, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", user).param("password", password));
    }
}
