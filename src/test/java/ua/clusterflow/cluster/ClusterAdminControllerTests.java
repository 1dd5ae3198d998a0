package ua.clusterflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.Role;

/** An administrator sets up a new cluster and its people; each new person sets a password from the mail. */
class ClusterAdminControllerTests extends IntegrationTest {

    private static final Pattern INVITATION = Pattern.compile("(/invitation/[A-Za-z0-9_.-]+)");

    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;

    @Test
    void anAdministratorCreatesAClusterAndInvitesItsCoordinator() throws Exception {
        mvc.perform(post("/admin/clusters").with(as("admin")).with(csrf()).param("id", "Львів!").param("name", "Львівський кластер"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-id\"")))
                .andExpect(content().string(containsString("value=\"Львівський кластер\"")));
        mvc.perform(post("/admin/clusters").with(as("admin")).with(csrf()).param("id", "kharkiv").param("name", "Дубль"))
                .andExpect(content().string(containsString("Кластер з таким кодом уже є")));
        mvc.perform(post("/admin/clusters").with(as("admin")).with(csrf()).param("id", "lviv").param("name", "Львівський кластер"))
                .andExpect(redirectedUrl("/admin/clusters/lviv"));
        assertThat(directory.exists("lviv")).isTrue();

        mvc.perform(post("/admin/clusters/lviv/people").with(as("admin")).with(csrf())
                        .param("userId", "roman").param("firstName", "Роман").param("email", "olena@clusterflow.local"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-lastName\"")))
                .andExpect(content().string(containsString("Ця адреса вже використовується")))
                .andExpect(content().string(containsString("id=\"e-roles\"")))
                .andExpect(content().string(containsString("value=\"Роман\"")));
        mvc.perform(post("/admin/clusters/lviv/people").with(as("admin")).with(csrf())
                        .param("userId", "roman").param("firstName", "Роман").param("lastName", "Гнатів")
                        .param("email", "roman@example.com").param("language", "en").param("roles", "COORDINATOR"))
                .andExpect(redirectedUrl("/admin/clusters/lviv"));
        assertThat(directory.rolesOf("roman").get("lviv")).containsExactly(Role.COORDINATOR);

        String mail = body(mailsTo("roman@example.com").get(0));
        assertThat(subject(mailsTo("roman@example.com").get(0))).isEqualTo("Invitation to ClusterFlow: Львівський кластер");
        Matcher link = INVITATION.matcher(mail);
        assertThat(link.find()).isTrue();
        mvc.perform(post(link.group(1)).with(csrf()).param("password", "lviv-coordinator-1").param("repeat", "lviv-coordinator-1"))
                .andExpect(redirectedUrl("/login?welcome=&user=roman"));
        assertThat(directory.checkPassword("roman", "lviv-coordinator-1")).isTrue();
        mvc.perform(get(link.group(1))).andExpect(redirectedUrl("/login?invitationUsed"));
        mvc.perform(post(link.group(1)).with(csrf()).param("password", "taken-over-1234").param("repeat", "taken-over-1234"))
                .andExpect(redirectedUrl("/login?invitationUsed"));
        assertThat(directory.checkPassword("roman", "lviv-coordinator-1")).as("a replayed invitation changes nothing")
                .isTrue();
        mvc.perform(get("/login").param("invitationUsed", "")).andExpect(content().string(containsString("Запрошення вже використано")));

        mvc.perform(post("/admin/clusters/lviv/people").with(as("admin")).with(csrf())
                        .param("userId", "olena").param("roles", "BOARD"))
                .andExpect(redirectedUrl("/admin/clusters/lviv"));
        assertThat(directory.rolesOf("olena").get("lviv")).containsExactly(Role.BOARD);
        mvc.perform(get("/admin/clusters/lviv").with(as("admin")))
                .andExpect(content().string(containsString("data-person=\"roman\"")))
                .andExpect(content().string(containsString("data-person=\"olena\"")));
    }

    @Test
    void onlyAdministratorsManageClusters() throws Exception {
        mvc.perform(get("/admin/clusters").with(as("olena"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/clusters").with(as("olena")).with(csrf()).param("id", "x1").param("name", "X"))
                .andExpect(status().isForbidden());
        assertThat(directory.exists("x1")).isFalse();
    }
}
