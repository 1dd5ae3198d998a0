package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;
import ua.clusterflow.TestRequests;
import ua.clusterflow.demo.DemoData;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.OnboardingService;

/**
 * The security claims whose first proof is a page test (MockMvc, which fills what the real filter chain may leave
 * empty), each again through the real door: the application on its real port, a client from an address of its own.
 */
class RealDoorTwinsTests extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired OnboardingService onboardingService;

    @Test
    void anotherClustersCoordinatorOpensNoCaseDiagramDocumentOrTaskOfThisOne() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Двері закриті»", newEdrpou(), "twin-closed@example.com");
        long document = jdbc.sql("insert into case_document (business_key, file_name, content_type, size_bytes, content) "
                        + "values (?, 'a.pdf', 'application/pdf', 5, ?) returning id")
                .params(app.reference(), "%PDF-".getBytes()).query(Long.class).single();
        String review = task(app.reference(), "Task_ReviewApplication").getId();
        try (RealDoor serhiy = RealDoor.from(port, "127.0.45.1"); RealDoor olena = RealDoor.from(port, "127.0.45.2")) {
            serhiy.signIn("serhiy", DemoData.PASSWORD);
            assertThat(serhiy.get("/cases/" + app.reference()).status()).isEqualTo(404);
            assertThat(serhiy.get("/cases/" + app.reference() + "/diagram").status()).isEqualTo(404);
            assertThat(serhiy.get("/documents/" + document).status()).isEqualTo(404);
            assertThat(serhiy.get("/tasks?q=" + app.reference()).body()).doesNotContain("data-case=\"" + app.reference());
            serhiy.get("/tasks");
            assertThat(serhiy.post("/tasks/" + review + "/claim", Map.of()).status()).isEqualTo(302);
            assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
            assertThat(serhiy.get("/engine-rest/task").status()).isEqualTo(403);
            assertThat(serhiy.get("/camunda/app/cockpit/default/").status()).isIn(302, 403);

            olena.signIn("olena", DemoData.PASSWORD);
            assertThat(olena.get("/cases/" + app.reference()).status()).isEqualTo(200);
            assertThat(olena.get("/documents/" + document).headers().get("content-disposition")).contains("attachment");
        }
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndStoresNothing() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Без токена»", newEdrpou(), "twin-csrf@example.com");
        try (RealDoor olena = RealDoor.from(port, "127.0.45.3")) {
            olena.signIn("olena", DemoData.PASSWORD);
            RealDoor.Answer without = olena.postRaw("/cases/" + app.reference() + "/comments",
                    "body=" + URLEncoder.encode("Без токена", StandardCharsets.UTF_8));
            assertThat(without.status()).isEqualTo(403);
            RealDoor.Answer foreign = olena.postRaw("/cases/" + app.reference() + "/comments",
                    "body=" + URLEncoder.encode("Чужий токен", StandardCharsets.UTF_8) + "&_csrf=not-the-token");
            assertThat(foreign.status()).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from case_comment where business_key = ? and body in ('Чужий токен', 'Без токена')")
                .param(app.reference()).query(Long.class).single()).isZero();
    }

    @Test
    void markupTypedIntoAnApplicationIsShownAsText() throws Exception {
        String script = "<script>alert('twin')</script>";
        try (RealDoor applicant = RealDoor.from(port, "127.0.45.4"); RealDoor olena = RealDoor.from(port, "127.0.45.5")) {
            applicant.get("/apply/kharkiv");
            Map<String, String> fields = new HashMap<>();
            CaseSteps.applicationValues("ТОВ " + script, newEdrpou(), "twin-xss@example.com")
                    .forEach((name, value) -> fields.put(name, String.valueOf(value)));
            fields.put("offers", script);
            fields.put("submissionId", UUID.randomUUID().toString());
            assertThat(applicant.post("/apply/kharkiv", fields).status()).isEqualTo(302);
            String reference = jdbc.sql("select reference from onboarding_application where contact_email = ?")
                    .param("twin-xss@example.com").query(String.class).single();
            olena.signIn("olena", DemoData.PASSWORD);
            for (String page : new String[] {"/cases/" + reference, "/tasks?q=" + reference}) {
                String body = olena.get(page).body();
                assertThat(body).as(page).doesNotContain(script).contains("&lt;script&gt;");
            }
        }
    }

    @Test
    void expressionsInAddressesAndParametersAreNeverEvaluated() throws Exception {
        try (RealDoor olena = RealDoor.from(port, "127.0.45.6")) {
            olena.signIn("olena", DemoData.PASSWORD);
            String expression = "__${T(java.lang.Runtime).getRuntime().availableProcessors()}__::x";
            RealDoor.Answer lang = olena.get("/lang?to=en&back=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
            assertThat(lang.status()).isEqualTo(400);
            RealDoor.Answer search = olena.get("/tasks?q=" + URLEncoder.encode("${7*7}", StandardCharsets.UTF_8));
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.body()).doesNotContain(">49<");
            RealDoor.Answer engine = olena.get("/engine-rest/task?nameLike=" + URLEncoder.encode("${7*7}",
                    StandardCharsets.UTF_8));
            assertThat(engine.status()).isIn(400, 403);
        }
    }

    @Test
    void smallerDoorsHoldOverTheRealPort() throws Exception {
        try (RealDoor stranger = RealDoor.from(port, "127.0.45.7")) {
            assertThat(stranger.get("/login?user=" + URLEncoder.encode("a\u0000b", StandardCharsets.UTF_8)).status())
                    .isEqualTo(400);
            assertThat(stranger.get("/tasks").status()).isEqualTo(302);
            assertThat(stranger.get("/tasks").location()).isEqualTo("/login");
            String token = onboardingService.trackingToken(apply("kharkiv", "ТОВ «Посилання»", newEdrpou(),
                    "twin-link@example.com"));
            assertThat(stranger.get("/track/" + token).status()).isEqualTo(200);
            assertThat(stranger.get("/track/" + TestRequests.tampered(token)).status()).isEqualTo(403);
            assertThat(stranger.get("/track/" + token + "=").status()).isEqualTo(403);
            assertThat(stranger.get("/meetups/MEE-99999").status()).isEqualTo(404);
            assertThat(stranger.get("/actuator/env").status()).isIn(302, 404);
        }
    }
}
