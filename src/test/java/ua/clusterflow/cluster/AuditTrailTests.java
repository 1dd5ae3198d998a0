package ua.clusterflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.demo.DemoData;

/**
 * The audit trail over HTTP, in a cluster of the test's own: a role given, a record corrected and a payment booked
 * each leave a line with who made it and when, which the cluster's staff read (each in their language) and search by
 * person and by day;
 * bad days are explained beside their field; nobody outside the cluster's staff and the administrators reads it.
 */
class AuditTrailTests extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired PaymentDetails paymentDetails;
    @Autowired Invoices invoices;

    private String cluster;
    private String coordinator;
    private String board;
    private String member;
    private long organisation;

    @BeforeEach
    void aClusterWithItsStaffAndAMember() {
        cluster = "audit-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        directory.createCluster(cluster, "Кластер " + cluster);
        coordinator = cluster + "-c";
        board = cluster + "-b";
        member = cluster + "-m";
        directory.createPerson(coordinator, "Дарина", "Координаторка", coordinator + "@example.com", "uk", null);
        directory.createPerson(board, "Борис", "Правлінський", board + "@example.com", "uk", null);
        directory.createPerson(member, "Марта", "Членкиня", member + "@example.com", "uk", null);
        directory.grant(coordinator, cluster, Role.COORDINATOR);
        directory.grant(board, cluster, Role.BOARD);
        directory.grant(member, cluster, Role.MEMBER);
        organisation = organisations.insert(new MemberOrganisation(null, cluster, "ТОВ Журнал", newEdrpou(), "sme",
                "it", 12, "Харківська", "", "", member, "sme", new BigDecimal("1200.00"), Instant.now()));
    }

    @Test
    void aRoleARecordAndAPaymentEachLeaveALineThatTheStaffReadAndSearch() throws Exception {
        mvc.perform(post("/staff/" + board + "/roles").param("cluster", cluster).param("roles", "BOARD", "CHAIR")
                .with(as(coordinator)).with(csrf())).andExpect(status().is3xxRedirection());
        MemberOrganisation org = organisations.find(organisation).orElseThrow();
        mvc.perform(post("/members/" + organisation + "/details").with(as(coordinator)).with(csrf())
                        .param("name", "ТОВ Журнал Змін").param("edrpou", org.edrpou()).param("category", "sme")
                        .param("sectors", "it").param("region", "Харківська").param("headcount", "12")
                        .param("reason", "Назва зі статуту").param("seen", org.name()))
                .andExpect(status().is3xxRedirection());
        paymentDetails.save(cluster, "ГО Кластер", "14360570", "UA213223130000026007233566001", "Банк", coordinator);
        Invoices.Invoice invoice = invoices.issue(new Invoices.Issue(cluster, "AUDIT-" + cluster, organisation,
                "ТОВ Журнал Змін", org.edrpou(), "Членський внесок", new BigDecimal("1200.00"),
                AppClock.today().plusDays(14), "uk"));
        invoices.recordPayment(invoice.id(), new BigDecimal("1200.00"), AppClock.today(), "п/д 17", "statement");

        String page = mvc.perform(get("/audit").param("cluster", cluster).with(as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Надано роль: Голова правління", "Борис Правлінський", "Дарина Координаторка",
                "Виправлено відомості", "Назва зі статуту", "ТОВ Журнал Змін",
                "Зараховано платіж за рахунком " + invoice.printed(), "Змінено платіжні реквізити кластера",
                "href=\"/members/" + organisation + "\"", "data-area=\"PAYMENTS\"");

        String byBoard = mvc.perform(get("/audit").param("cluster", cluster).param("person", board)
                .with(as(coordinator))).andReturn().getResponse().getContentAsString();
        assertThat(byBoard).contains("Надано роль: Голова правління").doesNotContain("Зараховано платіж");
        mvc.perform(get("/audit").param("cluster", cluster).param("person", "координаторка").param("area", "RECORDS")
                        .with(as(coordinator)))
                .andExpect(content().string(containsString("Виправлено відомості")))
                .andExpect(content().string(not(containsString("Надано роль"))));
        String today = AppClock.today().toString();
        mvc.perform(get("/audit").param("cluster", cluster).param("from", today).param("to", today).with(as(coordinator)))
                .andExpect(content().string(containsString("Зараховано платіж")));
        mvc.perform(get("/audit").param("cluster", cluster).param("from", AppClock.today().plusDays(1).toString())
                .with(as(coordinator))).andExpect(content().string(containsString("id=\"audit-none\"")));
        mvc.perform(get("/audit").param("cluster", cluster).with(as(board)).cookie(new Cookie("clusterflow-lang", "en")))
                .andExpect(content().string(containsString("Role given: Chair of the board")))
                .andExpect(content().string(containsString("Payment recorded towards invoice " + invoice.printed())));

        assertThat(jdbc.sql("select actor_id from audit_entry where cluster_id = ? and what = 'audit.roleGranted' "
                + "and person = ? and detail like '%CHAIR%'").params(cluster, board).query(String.class).list()).containsExactly(coordinator);
    }

    @Test
    void aDayThatIsNoDateIsExplainedBesideItsFieldAndKept() throws Exception {
        mvc.perform(get("/audit").param("cluster", cluster).param("from", "31.12.2026").with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"e-from\"")))
                .andExpect(content().string(containsString("value=\"31.12.2026\"")));
        mvc.perform(get("/audit").param("cluster", cluster).param("from", "2026-12-31").param("to", "2026-12-01")
                        .with(as(coordinator)))
                .andExpect(content().string(containsString("id=\"e-to\"")));
    }

    @Test
    void theTrailIsTheClustersStaffsAndTheAdministratorsAlone() throws Exception {
        mvc.perform(get("/audit").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").param("cluster", cluster).with(as("olena"))).andExpect(status().isNotFound());
        mvc.perform(get("/audit").with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("ТОВ Журнал"))));
        mvc.perform(get("/audit").param("cluster", cluster).with(as("admin")))
                .andExpect(content().string(containsString("ТОВ Журнал")));
        assertThat(jdbc.sql("select count(*) from audit_entry where cluster_id = ?").param(cluster)
                .query(Long.class).single()).as("three roles given and one member joined").isEqualTo(4L);
    }

    /** The same doors through the real filter chain: the application on its port, each person signed in by form. */
    @Test
    void onTheRealPortTheTrailIsTheClustersStaffsAndTheAdministratorsAlone() throws Exception {
        directory.setPassword(coordinator, "audit-coordinator-password");
        directory.setPassword(member, "audit-member-password");
        try (RealDoor stranger = RealDoor.from(port, "127.0.49.11"); RealDoor memberDoor = RealDoor.from(port, "127.0.49.12");
             RealDoor olena = RealDoor.from(port, "127.0.49.13"); RealDoor own = RealDoor.from(port, "127.0.49.14");
             RealDoor admin = RealDoor.from(port, "127.0.49.15")) {
            assertThat(stranger.get("/audit?cluster=" + cluster).location()).endsWith("/login");
            assertThat(memberDoor.signIn(member, "audit-member-password").location()).doesNotContain("/login");
            assertThat(memberDoor.get("/audit").status()).isEqualTo(403);
            assertThat(olena.signIn("olena", DemoData.PASSWORD).location()).doesNotContain("/login");
            assertThat(olena.get("/audit?cluster=" + cluster).status()).isEqualTo(404);
            assertThat(olena.get("/audit").body()).doesNotContain("ТОВ Журнал");
            assertThat(own.signIn(coordinator, "audit-coordinator-password").location()).doesNotContain("/login");
            assertThat(own.get("/audit?cluster=" + cluster).body()).contains("ТОВ Журнал");
            assertThat(admin.signIn("admin", DemoData.PASSWORD).location()).doesNotContain("/login");
            assertThat(admin.get("/audit?cluster=" + cluster).body()).contains("ТОВ Журнал");
        }
    }
}
