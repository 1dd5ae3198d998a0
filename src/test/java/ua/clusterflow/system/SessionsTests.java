package ua.clusterflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.cluster.ClusterDirectory;

/** Signed-in sessions live in PostgreSQL, indexed by the account, and expire there as they did in memory. */
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
}
