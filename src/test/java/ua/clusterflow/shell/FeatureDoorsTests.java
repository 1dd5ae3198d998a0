package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;
import ua.clusterflow.TestRequests;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.books.StatementFiles;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.PersonalData;
import ua.clusterflow.demo.DemoData;
import ua.clusterflow.export.ExportActionService;
import ua.clusterflow.grant.GrantReviews;

/**
 * The board's, the directory's, the grants', the dashboard's and the books' doors, whose page tests
 * (MotionControllerTests, DirectoryControllerTests, GrantControllerTests, DashboardTest, InvoicesTest,
 * MembershipControllerTests) prove them through MockMvc, again through the real filter chain: the application on its
 * real port, each person signed in from an address of their own.
 */
class FeatureDoorsTests extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired GrantReviews reviews;
    @Autowired Invoices invoices;
    @Autowired ExportActionService exportActions;

    @Test
    void nobodyOffTheBoardPutsAMotionOrReadsAVoteOrTheMinutes() throws Exception {
        String voteId = jdbc.sql("select vote_id from board_ballot limit 1").query(String.class).single();
        try (RealDoor nadia = signedIn("nadia", "127.0.48.1"); RealDoor serhiy = signedIn("serhiy", "127.0.48.2");
             RealDoor petro = signedIn("petro", "127.0.48.3")) {
            assertThat(nadia.get("/board/motions/new?cluster=kharkiv").status()).isEqualTo(403);
            assertThat(serhiy.get("/board/motions/new?cluster=kharkiv").status()).isEqualTo(404);
            serhiy.get("/board");
            assertThat(serhiy.postWithFile("/board/motions/new?cluster=kharkiv", Map.of("question", "Чуже питання",
                    "motionText", "Текст", "closesOn", AppClock.today().plusDays(5).toString(), "closesAtTime", "18:00",
                    "quorumPercent", "51"), null, null, null).status()).isEqualTo(404);
            assertThat(nadia.get("/board/votes/" + voteId).status()).isEqualTo(404);
            assertThat(nadia.get("/board/decisions.xlsx").status()).isEqualTo(404);
            nadia.get("/tasks");
            assertThat(nadia.post("/board/votes/" + voteId + "/ballot", Map.of("vote", "approve")).status())
                    .isEqualTo(404);
            assertThat(petro.get("/board/votes/" + voteId).status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from board_ballot where vote_id = ? and voter = 'nadia'").param(voteId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from board_motion where question = 'Чуже питання'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aMemberIntroducesNobodyAndNoOtherClusterReadsTheProfileOrTheDirectory() throws Exception {
        long nadiasOrg = organisations.idsForContact("nadia").get(0);
        long bohdansOrg = organisations.idsForContact("bohdan").get(0);
        long introductions = jdbc.sql("select count(*) from introduction").query(Long.class).single();
        try (RealDoor nadia = signedIn("nadia", "127.0.48.4"); RealDoor bohdan = signedIn("bohdan", "127.0.48.5");
             RealDoor olena = signedIn("olena", "127.0.48.6")) {
            nadia.get("/directory");
            assertThat(nadia.post("/directory/" + nadiasOrg + "/introduce/" + nadiasOrg, Map.of()).status())
                    .isEqualTo(403);
            assertThat(bohdan.get("/directory/" + nadiasOrg).status()).isEqualTo(404);
            assertThat(bohdan.get("/directory/" + bohdansOrg).status()).isEqualTo(200);
            assertThat(olena.get("/profile").status()).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from introduction").query(Long.class).single()).isEqualTo(introductions);
    }

    @Test
    void noOutsiderReadsAMembersGrantApplicationOrItsDocumentsAndATamperedReviewLinkIsRefused() throws Exception {
        String reference = jdbc.sql("select reference from grant_application where status <> 'DRAFT' "
                + "and organisation_id = ? limit 1").param(organisations.idsForContact("nadia").get(0))
                .query(String.class).single();
        long document = jdbc.sql("insert into case_document (business_key, file_name, content_type, size_bytes, content) "
                        + "values (?, 'plan.pdf', 'application/pdf', 5, ?) returning id")
                .params(reference, "%PDF-".getBytes()).query(Long.class).single();
        for (String outsider : new String[] {"bohdan", "serhiy"}) {
            try (RealDoor door = signedIn(outsider, "127.0.48." + (outsider.length() + 10))) {
                assertThat(door.get("/grants").body()).doesNotContain("data-case=\"" + reference + "\"");
                assertThat(door.get("/grants/" + reference + "/edit").status()).isEqualTo(404);
                assertThat(door.get("/cases/" + reference).status()).isEqualTo(404);
                assertThat(door.get("/documents/" + document).status()).isEqualTo(404);
            }
        }
        try (RealDoor nadia = signedIn("nadia", "127.0.48.20"); RealDoor stranger = RealDoor.from(port, "127.0.48.21")) {
            assertThat(nadia.get("/documents/" + document).status()).isEqualTo(200);
            assertThat(stranger.get(TestRequests.tampered("/review/" + reviews.reviewToken(1L))).status())
                    .isEqualTo(403);
        }
    }

    @Test
    void theDashboardItsRecordsAndReportsAreTheCoordinatorsAndTheAllianceTheAdministrators() throws Exception {
        long exports = jdbc.sql("select count(*) from export_activity").query(Long.class).single();
        try (RealDoor nadia = signedIn("nadia", "127.0.48.30"); RealDoor serhiy = signedIn("serhiy", "127.0.48.31");
             RealDoor olena = signedIn("olena", "127.0.48.32"); RealDoor admin = signedIn("admin", "127.0.48.33")) {
            assertThat(nadia.get("/dashboard").status()).isEqualTo(403);
            nadia.get("/tasks");
            assertThat(nadia.post("/dashboard/records/export?cluster=kharkiv", Map.of("kind", "EVENT", "title",
                    "Чужий експорт", "country", "DE", "heldOn", AppClock.today().toString(), "participants", "1"))
                    .status()).isEqualTo(403);
            assertThat(nadia.get("/dashboard/report.pdf?cluster=kharkiv").status()).isEqualTo(403);
            assertThat(serhiy.get("/dashboard/report.pdf?cluster=kharkiv").status()).isEqualTo(404);
            assertThat(olena.get("/dashboard/alliance").status()).isEqualTo(403);
            assertThat(admin.get("/dashboard/alliance").status()).isEqualTo(200);
            assertThat(olena.get("/dashboard").status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from export_activity").query(Long.class).single()).isEqualTo(exports);
    }

    @Test
    void aMembersInvoicesDebtsAndDetailsAreForItsCoordinatorsAndItsOwnPeople() throws Exception {
        long nadiasOrg = organisations.idsForContact("nadia").get(0);
        Invoices.Invoice invoice = invoices.issue(new Invoices.Issue("kharkiv", "DOOR-" + System.nanoTime(), nadiasOrg,
                "ТОВ «Промавтоматика»", "30123458", "Внесок", new BigDecimal("100"), AppClock.today(), "uk"));
        try (RealDoor nadia = signedIn("nadia", "127.0.48.40"); RealDoor bohdan = signedIn("bohdan", "127.0.48.41");
             RealDoor serhiy = signedIn("serhiy", "127.0.48.42"); RealDoor olena = signedIn("olena", "127.0.48.43")) {
            assertThat(nadia.get("/invoices/" + invoice.id()).status()).isEqualTo(200);
            assertThat(olena.get("/invoices/" + invoice.id()).status()).isEqualTo(200);
            assertThat(bohdan.get("/invoices/" + invoice.id()).status()).isEqualTo(404);
            assertThat(serhiy.get("/invoices/" + invoice.id()).status()).isEqualTo(404);
            assertThat(nadia.get("/members/debtors").status()).isEqualTo(403);
            assertThat(serhiy.get("/members/debtors?cluster=kharkiv").status()).isEqualTo(404);
            assertThat(nadia.get("/members/" + nadiasOrg + "/details").status()).isEqualTo(404);
            // the bank's statements: the cluster's coordinators alone
            byte[] statement = StatementFiles.camt053(List.of(StatementFiles.Entry.credit(AppClock.today(), "100.00",
                    "ТОВ «Промавтоматика»", "30123458", "рах. " + invoice.printed(), "DOOR-" + invoice.id())));
            assertThat(nadia.get("/books/statements").status()).isEqualTo(403);
            assertThat(serhiy.get("/books/statements?cluster=kharkiv").status()).isEqualTo(404);
            nadia.get("/tasks");
            assertThat(nadia.postWithFile("/books/statements?cluster=kharkiv", Map.of(), "file", "camt.xml", statement)
                    .status()).isEqualTo(403);
            olena.get("/books/statements");
            String uploaded = olena.postWithFile("/books/statements?cluster=kharkiv", Map.of(), "file", "camt.xml",
                    statement).location();
            assertThat(uploaded).contains("/books/statements/");
            assertThat(olena.get(uploaded).status()).isEqualTo(200);
            assertThat(serhiy.get(uploaded).status()).isEqualTo(404);
            assertThat(nadia.get(uploaded).status()).isEqualTo(403);
            nadia.get("/tasks");
            assertThat(nadia.post("/members/" + nadiasOrg + "/details", Map.of("name", "ТОВ «Чужа правка»", "edrpou",
                    "30123458", "category", "sme", "region", "", "headcount", "45")).status()).isEqualTo(404);
            // merging records: the cluster's coordinators alone
            long another = organisations.ofCluster("kharkiv").stream().filter(o -> o.id() != nadiasOrg).findFirst()
                    .orElseThrow().id();
            assertThat(nadia.get("/members/" + nadiasOrg + "/merge").status()).isEqualTo(404);
            assertThat(nadia.post("/members/" + nadiasOrg + "/merge", Map.of("other", String.valueOf(another),
                    "reason", "Чуже")).status()).isEqualTo(404);
            serhiy.get("/tasks");
            assertThat(serhiy.post("/members/" + nadiasOrg + "/merge", Map.of("other", String.valueOf(another),
                    "reason", "Чуже")).status()).isEqualTo(404);
            assertThat(organisations.find(another)).isPresent();
        }
        assertThat(organisations.find(nadiasOrg).orElseThrow().name()).isNotEqualTo("ТОВ «Чужа правка»");
    }

    @Test
    void aRegistersImportIsItsClustersCoordinatorsAlone() throws Exception {
        String edrpou = newEdrpou();
        byte[] register = ("Назва;ЄДРПОУ;Категорія;Регіон;Кількість працівників;Контактна особа;E-mail контакту;"
                + "Мова;Дата вступу;Сплачено до\n"
                + "ТОВ «Двері імпорту»;" + edrpou + ";МСП;Харківська;10;Іван Двері;door-" + edrpou + "@example.com;"
                + "uk;01.02.2024;01.02.2027\n").getBytes(StandardCharsets.UTF_8);
        try (RealDoor nadia = signedIn("nadia", "127.0.48.50"); RealDoor serhiy = signedIn("serhiy", "127.0.48.51");
             RealDoor petro = signedIn("petro", "127.0.48.52"); RealDoor olena = signedIn("olena", "127.0.48.53")) {
            assertThat(nadia.get("/members/import").status()).isEqualTo(403);
            nadia.get("/tasks");
            assertThat(nadia.postWithFile("/members/import?cluster=kharkiv", Map.of(), "file", "register.csv", register)
                    .status()).isEqualTo(403);
            olena.get("/members/import");
            String dryRun = olena.postWithFile("/members/import?cluster=kharkiv", Map.of(), "file", "register.csv",
                    register).location();
            assertThat(dryRun).contains("/members/import/");
            assertThat(olena.get(dryRun).status()).isEqualTo(200);
            assertThat(nadia.get(dryRun).status()).isEqualTo(404);
            assertThat(serhiy.get(dryRun).status()).isEqualTo(404);
            assertThat(petro.get(dryRun).status()).isEqualTo(404);
            serhiy.get("/tasks");
            assertThat(serhiy.post(dryRun, Map.of()).status()).isEqualTo(404);
            assertThat(jdbc.sql("select count(*) from member_organisation where edrpou = ?").param(edrpou)
                    .query(Long.class).single()).as("nobody but the coordinator brings it in, and she has not yet")
                    .isZero();
            olena.get(dryRun);
            assertThat(olena.post(dryRun, Map.of()).status()).isEqualTo(302);
            assertThat(serhiy.post(dryRun + "/undo", Map.of()).status()).isEqualTo(404);
            assertThat(nadia.post(dryRun + "/undo", Map.of()).status()).isIn(403, 404);
        }
        assertThat(jdbc.sql("select count(*) from member_organisation where edrpou = ?").param(edrpou)
                .query(Long.class).single()).as("brought in by the coordinator, undone by nobody else").isEqualTo(1);
    }

    @Test
    void nobodyButAnAdministratorErasesAPersonAndEachDownloadsOnlyTheirOwnData() throws Exception {
        try (RealDoor nadia = signedIn("nadia", "127.0.48.60"); RealDoor olena = signedIn("olena", "127.0.48.61");
             RealDoor stranger = RealDoor.from(port, "127.0.48.62")) {
            assertThat(nadia.get("/admin/people/petro/erase").status()).isEqualTo(403);
            assertThat(olena.get("/admin/people/petro/erase").status()).isEqualTo(403);
            olena.get("/tasks");
            assertThat(olena.post("/admin/people/petro/erase", Map.of("reason", "Чужий запит", "confirm", "yes"))
                    .status()).isEqualTo(403);
            assertThat(stranger.get("/my-data.zip").location()).endsWith("/login");
            RealDoor.Answer own = nadia.get("/my-data.zip");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.headers().get("content-type")).isEqualTo("application/zip");
            assertThat(own.headers().get("content-disposition")).contains("clusterflow-nadia-");
        }
        assertThat(jdbc.sql("select count(*) from person_erasure where reason = 'Чужий запит'").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select first_ from act_id_user where id_ = 'petro'").query(String.class).single())
                .isNotEqualTo(PersonalData.ERASED_NAME);
    }

    @Test
    void theAuditTrailIsTheClustersStaffsAndTheAdministratorsAndNobodyElses() throws Exception {
        String nadiasOrg = organisations.find(organisations.idsForContact("nadia").get(0)).orElseThrow().name();
        try (RealDoor nadia = signedIn("nadia", "127.0.48.70"); RealDoor serhiy = signedIn("serhiy", "127.0.48.71");
             RealDoor petro = signedIn("petro", "127.0.48.72"); RealDoor admin = signedIn("admin", "127.0.48.73");
             RealDoor stranger = RealDoor.from(port, "127.0.48.74")) {
            assertThat(stranger.get("/audit").location()).endsWith("/login");
            assertThat(nadia.get("/audit").status()).isEqualTo(403);
            assertThat(serhiy.get("/audit?cluster=kharkiv").status()).isEqualTo(404);
            RealDoor.Answer others = serhiy.get("/audit?person=" + URLEncoder.encode(nadiasOrg, StandardCharsets.UTF_8));
            assertThat(others.status()).isEqualTo(200);
            assertThat(others.body()).as("searched by name, another cluster's lines stay hidden")
                    .contains("id=\"audit-none\"").doesNotContain("<tr data-area");
            String search = "/audit?cluster=kharkiv&person=" + URLEncoder.encode(nadiasOrg, StandardCharsets.UTF_8);
            assertThat(petro.get(search).body()).contains("<tr data-area").doesNotContain("id=\"audit-none\"");
            assertThat(admin.get(search).body()).contains("<tr data-area").doesNotContain("id=\"audit-none\"");
        }
    }

    @Test
    void anExportActionIsAnnouncedByItsClustersStaffAndAppliedToByItsOwnMembersAlone() throws Exception {
        Map<String, String> typed = new HashMap<>(Map.of("kind", "B2B", "title", "B2B з покупцями з Австрії",
                "markets", "AT", "place", "Відень", "joinDeadline", AppClock.today().plusDays(9).toString(),
                "startsOn", AppClock.today().plusDays(20).toString(), "endsOn", AppClock.today().plusDays(20).toString(),
                "clusterCost", "5000", "participantFee", "0", "places", "8"));
        typed.put("minParticipants", "1");
        typed.put("selectionRule", "Усі, хто подався");
        String action = "/export-actions/" + exportActions.announce(user("olena"), "kharkiv", typed).reference();
        Map<String, String> application = Map.of("products", "Чуже", "productCodes", "8401", "readiness", "3");
        try (RealDoor nadia = signedIn("nadia", "127.0.48.80"); RealDoor serhiy = signedIn("serhiy", "127.0.48.81");
             RealDoor bohdan = signedIn("bohdan", "127.0.48.82"); RealDoor stranger = RealDoor.from(port, "127.0.48.83")) {
            assertThat(stranger.get(action).location()).endsWith("/login");
            nadia.get("/export-actions");
            assertThat(nadia.post("/export-actions/new?cluster=kharkiv", typed).status()).isEqualTo(403);
            assertThat(serhiy.get(action).status()).isEqualTo(404);
            serhiy.get("/export-actions");
            assertThat(serhiy.post("/export-actions/new?cluster=kharkiv", typed).status()).isEqualTo(404);
            bohdan.get("/export-actions");
            assertThat(bohdan.post(action + "/apply", application).status()).isEqualTo(404);
            assertThat(nadia.get(action).body()).doesNotContain("id=\"applicants\"");
        }
        assertThat(jdbc.sql("select count(*) from export_action where title = 'B2B з покупцями з Австрії'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from export_application where products = 'Чуже'").query(Long.class)
                .single()).isZero();
    }

    private RealDoor signedIn(String user, String address) {
        RealDoor door = RealDoor.from(port, address);
        assertThat(door.signIn(user, DemoData.PASSWORD).location()).as(user).doesNotContain("/login");
        return door;
    }
}
