package ua.clusterflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.Role;

/** A coordinator runs the cluster's own staff and board over HTTP, in a cluster of the test's own. */
class StaffControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;

    private String cluster;
    private String coordinator;
    private String board;

    @BeforeEach
    void aClusterWithACoordinatorAndABoardMember() {
        cluster = "staff-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        directory.createCluster(cluster, "Кластер " + cluster);
        coordinator = cluster + "-c";
        board = cluster + "-b";
        directory.createPerson(coordinator, "Дарина", "Координаторка", coordinator + "@example.com", "uk", null);
        directory.createPerson(board, "Борис", "Правлінський", board + "@example.com", "uk", null);
        directory.grant(coordinator, cluster, Role.COORDINATOR);
        directory.grant(board, cluster, Role.BOARD);
    }

    @Test
    void aCoordinatorInvitesABoardMemberAndBadInputIsExplainedBesideTheField() throws Exception {
        String email = cluster + "-new@example.com";
        mvc.perform(post("/staff").param("cluster", cluster).with(as(coordinator)).with(csrf())
                        .param("firstName", "Віра").param("lastName", "").param("email", "ні"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-lastName\"")))
                .andExpect(content().string(containsString("id=\"e-email\"")))
                .andExpect(content().string(containsString("id=\"e-roles\"")))
                .andExpect(content().string(containsString("value=\"Віра\"")));
        mvc.perform(post("/staff").param("cluster", cluster).with(as(coordinator)).with(csrf())
                        .param("firstName", "Віра").param("lastName", "Нова").param("email", email)
                        .param("roles", "BOARD", "CHAIR", "MEMBER"))
                .andExpect(status().is3xxRedirection());
        String invited = directory.personByEmail(email).orElseThrow().id();
        assertThat(directory.rolesOf(invited).get(cluster)).containsExactlyInAnyOrder(Role.BOARD, Role.CHAIR);
        assertThat(subjectsTo(email)).containsExactly("Запрошення до ClusterFlow: Кластер " + cluster);
        mvc.perform(get("/staff").param("cluster", cluster).with(as(coordinator)))
                .andExpect(content().string(containsString("data-person=\"" + invited + "\"")));
    }

    @Test
    void rolesChangeWithinTheClusterWhichKeepsACoordinator() throws Exception {
        mvc.perform(post("/staff/" + board + "/roles").param("cluster", cluster).param("roles", "BOARD", "CHAIR")
                .with(as(coordinator)).with(csrf())).andExpect(flash().attribute("message", "staff.rolesChanged"));
        assertThat(user(board).has(cluster, Role.CHAIR)).isTrue();
        mvc.perform(post("/staff/" + coordinator + "/roles").param("cluster", cluster).param("roles", "BOARD")
                .with(as(coordinator)).with(csrf())).andExpect(flash().attribute("error", "staff.rolesRefused"));
        assertThat(user(coordinator).has(cluster, Role.COORDINATOR)).isTrue();
    }

    @Test
    void someoneWhoLeftHandsAllTheirTasksToAColleagueInOneAction() throws Exception {
        for (String name : new String[] {"Перевірити звіт", "Підписати лист"}) {
            Task task = tasks.newTask();
            task.setName(name);
            task.setTenantId(cluster);
            task.setAssignee(board);
            tasks.saveTask(task);
        }
        mvc.perform(get("/staff/" + board + "/leave").param("cluster", cluster).with(as(coordinator)))
                .andExpect(content().string(containsString("Перевірити звіт")))
                .andExpect(content().string(containsString("Підписати лист")));
        mvc.perform(post("/staff/" + board + "/leave").param("cluster", cluster).with(as(coordinator)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-colleague\"")));
        mvc.perform(post("/staff/" + board + "/leave").param("cluster", cluster).param("colleague", coordinator)
                .with(as(coordinator)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(tasks.createTaskQuery().tenantIdIn(cluster).taskAssignee(coordinator).count()).isEqualTo(2);
        assertThat(tasks.createTaskQuery().taskAssignee(board).count()).isZero();
        assertThat(user(board).worksCasesOf(cluster)).isFalse();
        mvc.perform(get("/members").with(as(board))).andExpect(status().isForbidden());

        mvc.perform(post("/staff/" + coordinator + "/leave").param("cluster", cluster).param("colleague", board)
                        .with(as(coordinator)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-colleague\"")));
        assertThat(user(coordinator).has(cluster, Role.COORDINATOR)).as("the last coordinator stays").isTrue();
    }

    @Test
    void onlyTheClustersCoordinatorsRunItsStaff() throws Exception {
        mvc.perform(get("/staff").param("cluster", cluster).with(as(board))).andExpect(status().isForbidden());
        mvc.perform(get("/staff").param("cluster", cluster).with(as("olena"))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/" + board + "/roles").param("cluster", cluster).param("roles", "COORDINATOR")
                .with(as("olena")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/staff/" + board + "/leave").param("cluster", "kharkiv").param("colleague", "petro")
                .with(as("olena")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/staff").with(as("nadia"))).andExpect(status().isForbidden());
        assertThat(user(board).has(cluster, Role.COORDINATOR)).isFalse();
    }
}
