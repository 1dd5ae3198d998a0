package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;
import ua.clusterflow.TestRequests;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.demo.DemoData;
import ua.clusterflow.grant.GrantReviews;

/**
 * The board's, the directory's and the grants' doors, whose page tests (MotionControllerTests,
 * DirectoryControllerTests, GrantControllerTests) prove them through MockMvc, again through the real filter chain:
 * the application on its real port, each person signed in from an address of their own.
 */
class FeatureDoorsTests extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired GrantReviews reviews;

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
            assertThat(petro.get("/board/votes/" + voteId).status()).isEqualTo(200);
        }
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

    private RealDoor signedIn(String user, String address) {
        RealDoor door = RealDoor.from(port, address);
        assertThat(door.signIn(user, DemoData.PASSWORD).location()).as(user).doesNotContain("/login");
        return door;
    }
}
