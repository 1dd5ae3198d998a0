package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ua.clusterflow.TestRequests.from;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.RateLimits;
import ua.clusterflow.base.Role;
import ua.clusterflow.base.Sessions;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.demo.DemoData;
import ua.clusterflow.engine.DeploymentGuard;
import ua.clusterflow.grant.GrantApplication;
import ua.clusterflow.grant.GrantService;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.OnboardingApplicationRepository;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.DocumentQuota;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * The attacks a fresh installation was open to, replayed through HTTP on the running application: each is refused,
 * with nothing stored and nothing run.
 */
class SafeByDefaultTests extends IntegrationTest {

    private static final String EXEC_MARKER = "target/deployed-code-ran";

    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;
    @Autowired RepositoryService repository;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired OnboardingApplicationRepository applications;
    @Autowired GrantService grants;
    @Autowired MeetupService meetups;
    @Autowired RateLimits limits;
    @LocalServerPort int port;
    private final HttpClient client = HttpClient.newHttpClient();

    // --- no code through the engine

    @Test
    void aModelWithCodeIsNotDeployedThroughTheRestApiInAnyEncodingAndNothingRuns() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        String hidden = model("Hidden", "&#36;{execution.getClass().forName('java.lang.Runtime')"
                + ".getMethod('exec', ''.getClass()).invoke(null, 'touch " + EXEC_MARKER + "')}");
        for (byte[] body : new byte[][] {
                hidden.getBytes(StandardCharsets.UTF_8),
                hidden.replace("&#36;", "$").getBytes(StandardCharsets.UTF_16),
                hidden.replace("&#36;", "$").getBytes(Charset.forName("UTF-32BE")),
                hidden.replace("&#36;{", "<![CDATA[$]]><![CDATA[{]]>").getBytes(StandardCharsets.UTF_8)}) {
            HttpResponse<String> deploy = deploy(body);
            assertThat(deploy.statusCode()).isEqualTo(403);
            assertThat(deploy.body()).contains("Deployments are closed");
        }
        // the webapps' own copy of the API, and the same path percent-encoded
        assertThat(send(admin(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/deployment/create")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
                .isEqualTo(403);
        assertThat(send(admin(HttpRequest.newBuilder(uri("/engine-rest/%64eployment/create")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
                .isIn(400, 403);

        HttpResponse<String> start = send(admin(HttpRequest.newBuilder(
                        uri("/engine-rest/process-definition/key/Hidden/start"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {\"clusterId\": {\"value\": \"kharkiv\"}}}")));
        assertThat(start.statusCode()).isEqualTo(404);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(Files.exists(Path.of(EXEC_MARKER))).isFalse();
    }

    @Test
    void theEngineItselfTakesNoModelButTheShippedOnesWhateverDoorItComesThrough() {
        String clean = model("Plain", null);
        assertThatThrownBy(() -> repository.createDeployment().addString("plain.bpmn", clean).deploy())
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("deployments are closed");

        // with deployments opened by the operator, only models that run no code
        DeploymentGuard opened = new DeploymentGuard(true);
        assertThat(opened.problem("plain.bpmn", clean.getBytes(StandardCharsets.UTF_8))).isNull();
        String code = model("Code", "&#x24;{1+1}");
        for (byte[] variant : new byte[][] {
                code.getBytes(StandardCharsets.UTF_8),
                code.replace("&#x24;", "$").getBytes(StandardCharsets.UTF_16LE),
                withBom(code.replace("&#x24;", "$").getBytes(StandardCharsets.UTF_16BE)),
                code.replace("&#x24;{", "<![CDATA[$]]>{").getBytes(StandardCharsets.UTF_8),
                ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e \"$\">]>" + code.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
                        .replace("&#x24;", "&e;")).getBytes(StandardCharsets.UTF_8),
                clean.replace("<bpmn:endEvent", "<bpmn:scriptTask id=\"S\" scriptFormat=\"groovy\"><bpmn:script>x</bpmn:script>"
                        + "</bpmn:scriptTask><bpmn:endEvent").getBytes(StandardCharsets.UTF_8),
                clean.replace("<bpmn:endEvent id=\"End\"", "<bpmn:endEvent id=\"End\" camunda:class=\"java.lang.Object\"")
                        .getBytes(StandardCharsets.UTF_8)}) {
            assertThat(opened.problem("code.bpmn", variant)).as(new String(variant, StandardCharsets.UTF_8)).isNotNull();
        }
    }

    @Test
    void expressionsInJsonBodiesAreRefusedInEveryUnicodeEncodingAndCompressedBodiesAreNotRead() throws Exception {
        String json = "{\"nameLike\": \"${1+1}\"}";
        for (byte[] body : new byte[][] {json.getBytes(StandardCharsets.UTF_16), json.getBytes(StandardCharsets.UTF_16LE),
                json.getBytes(Charset.forName("UTF-32LE")), withBom(json.getBytes(StandardCharsets.UTF_8))}) {
            HttpResponse<String> refused = send(admin(HttpRequest.newBuilder(uri("/engine-rest/task")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertThat(refused.statusCode()).isEqualTo(400);
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(send(admin(HttpRequest.newBuilder(uri("/engine-rest/task"))).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())))
                .statusCode()).isEqualTo(415);
    }

    // --- access follows the current truth

    @Test
    void aCoordinatorRemovedFromHerClusterIsRefusedOnHerNextRequest() throws Exception {
        String coordinator = "revoked-" + System.nanoTime() % 1_000_000;
        directory.createPerson(coordinator, "Відкликана", "Координаторка", coordinator + "@example.com", "uk",
                "right-password-1");
        directory.grant(coordinator, "kharkiv", Role.COORDINATOR);
        OnboardingApplication app = apply("kharkiv", "ТОВ «Відкликання»", newEdrpou(), "revoked-app@example.com");
        Cookie session = mvc.perform(post("/login").with(csrf())
                        .param("username", coordinator).param("password", "right-password-1"))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("clusterflow-session");
        mvc.perform(get("/cases/" + app.reference()).cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/tasks").param("q", app.reference()).cookie(session))
                .andExpect(content().string(containsString("data-case=\"" + app.reference() + "\"")));

        var identity = engine.getIdentityService();
        identity.deleteMembership(coordinator, Role.COORDINATOR.groupOf("kharkiv"));
        identity.deleteTenantUserMembership("kharkiv", coordinator);

        mvc.perform(get("/cases/" + app.reference()).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/tasks").param("q", app.reference()).cookie(session))
                .andExpect(content().string(not(containsString("data-case=\"" + app.reference() + "\""))));
        mvc.perform(post("/cases/" + app.reference() + "/comments").cookie(session).with(csrf())
                .param("body", "Ще тут")).andExpect(status().isNotFound());
        String task = task(app.reference(), OnboardingProcess.TASK_REVIEW).getId();
        mvc.perform(post("/tasks/" + task + "/claim").cookie(session).with(csrf()));
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(jdbc.sql("select count(*) from case_comment where business_key = ?").param(app.reference())
                .query(Long.class).single()).isZero();

        // an account that is gone ends its session
        identity.deleteUser(coordinator);
        mvc.perform(get("/tasks").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theContactOfAnOrganisationThatLeftTheClusterLosesItsCasesAndDrafts() throws Exception {
        String contact = "left-" + System.nanoTime() % 1_000_000;
        directory.createPerson(contact, "Колишня", "Учасниця", contact + "@example.com", "uk", "right-password-1");
        directory.grant(contact, "kharkiv", Role.MEMBER);
        long organisation = organisations.insert(new MemberOrganisation(null, "kharkiv", "ТОВ «Пішли»", newEdrpou(),
                "sme", "it", 5, "Харківська", "ПЗ", "Клієнти", contact, "small", BigDecimal.TEN, null));
        GrantApplication draft = grants.createDraft(contact, organisation);
        mvc.perform(get("/grants/" + draft.reference() + "/edit").with(as(contact))).andExpect(status().isOk());

        engine.getIdentityService().deleteMembership(contact, Role.MEMBER.groupOf("kharkiv"));
        mvc.perform(get("/grants/" + draft.reference() + "/edit").with(as(contact))).andExpect(status().is4xxClientError());
        mvc.perform(get("/cases/" + draft.reference()).with(as(contact))).andExpect(status().isNotFound());
        mvc.perform(get("/grants").with(as(contact))).andExpect(content().string(not(containsString(draft.reference()))));
    }

    // --- each side sees its side

    @Test
    void aMemberOfAnotherClusterWhoAppliedWhileSignedInSeesOnlyTheTrackingPage() throws Exception {
        String edrpou = newEdrpou();
        mvc.perform(applicationForm("kharkiv", edrpou, "bohdan-applies@example.com").with(as("bohdan")))
                .andExpect(redirectedUrl("/apply/kharkiv/done"));
        OnboardingApplication app = applications.findByReference(jdbc.sql(
                "select reference from onboarding_application where edrpou = ?").param(edrpou).query(String.class)
                .single()).orElseThrow();
        complete(app.reference(), OnboardingProcess.TASK_REVIEW, "olena", Map.of("reviewDecision", "moreInfo",
                "reviewComment", "Додайте витяг"));
        mvc.perform(post("/cases/" + app.reference() + "/comments").with(as("olena")).with(csrf())
                .param("body", "Внутрішня нотатка: перевірити борги")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/cases/" + app.reference()).with(as("bohdan"))).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + app.reference() + "/comments").with(as("bohdan")).with(csrf())
                .param("body", "Я теж тут")).andExpect(status().isNotFound());
        mvc.perform(get("/cases").with(as("bohdan"))).andExpect(content().string(not(containsString(app.reference()))));
        mvc.perform(get("/track/" + onboarding.trackingToken(app)))
                .andExpect(content().string(containsString("Додайте витяг")))
                .andExpect(content().string(not(containsString("Внутрішня нотатка"))));
    }

    // --- public forms within limits

    @Test
    void fiftyApplicationsFromOneAddressStoreOnlyTheLimitAndTheRestAreAskedToWaitWithWhatWasTyped() throws Exception {
        int limit = limits.perHour(RateLimits.Limit.PUBLIC_ADDRESS);
        long before = applicationsCount();
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            var result = mvc.perform(applicationForm("kharkiv", newEdrpou(), "flood-" + i + "@example.com")
                    .with(from("127.50.50.50"))).andReturn().getResponse();
            if (result.getStatus() == 429) {
                refused++;
                assertThat(result.getContentAsString()).contains("id=\"too-many\"").contains("flood-" + i + "@example.com")
                        .contains("Спробуйте знову через");
                assertThat(result.getHeader("Retry-After")).isNotNull();
            }
        }
        assertThat(applicationsCount() - before).isEqualTo(limit);
        assertThat(refused).isEqualTo(50 - limit);
        assertThat(mailsTo("flood-49@example.com")).isEmpty();
    }

    @Test
    void oneRecipientGetsNoMoreThanTheLimitOfMailsFromPublicForms() throws Exception {
        int limit = limits.perHour(RateLimits.Limit.PUBLIC_RECIPIENT);
        for (int i = 0; i < limit; i++) {
            mvc.perform(applicationForm("kharkiv", newEdrpou(), "victim@example.com").with(from("127.60.0." + (i + 1))))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(applicationForm("kharkiv", newEdrpou(), "victim@example.com").with(from("127.61.0.1")))
                .andExpect(status().isTooManyRequests());
        assertThat(mailsTo("victim@example.com")).hasSize(limit).allSatisfy(mail -> assertThat(body(mail))
                .contains("id=\"public-form-notice\"").doesNotContain("Олег Руденко"));
    }

    @Test
    void applicantsUploadsCountAgainstTheClustersQuotaForNotYetMembers(@Autowired DocumentQuota quota)
            throws Exception {
        long used = jdbc.sql("""
                select coalesce(sum(d.size_bytes), 0) from case_document d join case_record c on c.business_key = d.business_key
                where c.cluster_id = 'zaporizhzhia' and c.process_key = 'MemberOnboarding' and c.organisation_id is null""")
                .query(Long.class).single();
        long room = quota.applicantsQuotaMb() * 1024 * 1024 - used;
        byte[] pdf = new byte[(int) Math.min(room / 2 + 1, 10L * 1024 * 1024 - 1)];
        System.arraycopy("%PDF-1.4".getBytes(), 0, pdf, 0, 8);
        int stored = 0;
        String edrpou = null;
        for (int i = 0; i < 30 && edrpou == null; i++) {
            String code = newEdrpou();
            var response = mvc.perform(applicationForm("zaporizhzhia", code, "quota-" + i + "@example.com")
                    .file(new MockMultipartFile("registrationExtract", "e.pdf",
                            "application/pdf", pdf)).with(from("127.70.0." + (i + 1)))).andReturn().getResponse();
            if (response.getStatus() == 422) {
                assertThat(response.getContentAsString()).contains("не може прийняти більше файлів")
                        .contains("quota-" + i + "@example.com");
                edrpou = code;
            } else {
                stored++;
            }
        }
        assertThat(edrpou).as("an upload refused over the quota").isNotNull();
        assertThat(stored).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from onboarding_application where edrpou = ?").param(edrpou)
                .query(Long.class).single()).isZero();
    }

    // --- public pages show what is public

    @Test
    void aProposedMeetupIsNotPublicAndTheAnnouncedOneIs() throws Exception {
        Meetup proposed = meetups.propose("kharkiv", "nadia", FormSubmission.ofValues(
                CaseSteps.meetupTopic("Внутрішня тема", "Наш внутрішній виклик, не для публіки")));
        mvc.perform(get("/meetups/" + proposed.reference())).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("внутрішній виклик"))));
        mvc.perform(post("/meetups/" + proposed.reference() + "/register").with(csrf()).param("name", "Гість")
                .param("email", "guest@example.com").param("mode", "offline")).andExpect(status().isNotFound());
        mvc.perform(get("/meetups/" + proposed.reference() + "/report.pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/meetups/MEE-00001")).andExpect(status().isOk());
    }

    // --- the smaller doors

    @Test
    void theLoginPageShowsNoTextFromItsAddress() throws Exception {
        mvc.perform(get("/login").param("welcome", "Ваш рахунок заблоковано, дзвоніть 0800").param("throttled", "<b>x</b>"))
                .andExpect(content().string(not(containsString("дзвоніть 0800"))))
                .andExpect(content().string(not(containsString("&lt;b&gt;x"))))
                .andExpect(content().string(not(containsString("id=\"login-throttled\""))))
                .andExpect(content().string(containsString("id=\"login-welcome\"")));
    }

    @Test
    void badCharactersInAnyParameterAnswer400() throws Exception {
        mvc.perform(get("/lang").param("to", "en").param("back", "/tasks\r\nSet-Cookie: x=y")).andExpect(status().isBadRequest());
        mvc.perform(get("/lang").param("to", "en").param("back", "/tasks")).andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/login").param("user", "a\u0000b")).andExpect(status().isBadRequest());
        mvc.perform(get("/tasks").param("q", "\u001b[31m").with(as("olena"))).andExpect(status().isBadRequest());
        // a text area's line breaks are what people type
        mvc.perform(get("/tasks").param("q", "два\r\nрядки").with(as("olena"))).andExpect(status().isOk());
    }

    @Test
    void redirectsNameThePathAloneWhateverTheHostHeaderSays() throws Exception {
        for (String path : new String[] {"/tasks", "/lang?to=en&back=/cases"}) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                Matcher location = Pattern.compile("(?im)^Location: (.*)$").matcher(response);
                assertThat(location.find()).as(response).isTrue();
                assertThat(location.group(1).trim()).startsWith("/").doesNotContain("evil.example");
            }
        }
    }

    @Test
    void passwordsAreHashedWithArgon2AndAnOldHashIsUpgradedAtTheNextSignIn() throws Exception {
        String user = "oldhash-" + System.nanoTime() % 1_000_000;
        directory.createPerson(user, "Старий", "Хеш", user + "@example.com", "uk", "right-password-1");
        assertThat(storedHash(user)).startsWith("{ARGON2}$argon2id$");

        String salt = jdbc.sql("select salt_ from act_id_user where id_ = ?").param(user).query(String.class).single();
        jdbc.sql("update act_id_user set pwd_ = ? where id_ = ?")
                .params("{SHA-512}" + new Sha512HashDigest().encrypt("right-password-1" + salt), user).update();
        mvc.perform(post("/login").with(csrf()).param("username", user).param("password", "right-password-1"))
                .andExpect(redirectedUrl("/"));
        assertThat(storedHash(user)).startsWith("{ARGON2}");
        assertThat(directory.checkPassword(user, "right-password-1")).isTrue();
    }

    @Test
    void aForgottenPasswordIsResetThroughASingleUseLinkMailedToTheAccount() throws Exception {
        String user = "forgot-" + System.nanoTime() % 1_000_000;
        directory.createPerson(user, "Забудько", "Тест", user + "@example.com", "uk", "old-password-12");
        // signed in somewhere with the old password: the new one ends that session, wherever it was opened
        Cookie oldSession = mvc.perform(post("/login").with(csrf()).param("username", user)
                .param("password", "old-password-12")).andReturn().getResponse().getCookie("clusterflow-session");
        mvc.perform(get("/cases").cookie(oldSession)).andExpect(status().isOk());
        assertThat(sessions.countOf(user)).isEqualTo(1);
        mvc.perform(post("/password-reset").with(csrf()).param("login", user)).andExpect(redirectedUrl("/login?resetSent="));
        mvc.perform(post("/password-reset").with(csrf()).param("login", "nobody-at-all"))
                .andExpect(redirectedUrl("/login?resetSent="));
        String mail = body(mailsTo(user + "@example.com").get(0));
        Matcher link = Pattern.compile("href=\"[^\"]*(/password-reset/[^\"]+)\"").matcher(mail);
        assertThat(link.find()).isTrue();
        mvc.perform(get(link.group(1))).andExpect(status().isOk()).andExpect(content().string(containsString(user)));
        mvc.perform(post(link.group(1)).with(csrf()).param("password", "new-password-12").param("repeat", "other-one-123"))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().string(containsString("id=\"e-repeat\"")));
        mvc.perform(post(link.group(1)).with(csrf()).param("password", "new-password-12").param("repeat", "new-password-12"))
                .andExpect(redirectedUrl("/login?passwordChanged=&user=" + user));
        assertThat(directory.checkPassword(user, "new-password-12")).isTrue();
        assertThat(sessions.countOf(user)).isZero();
        mvc.perform(get("/cases").cookie(oldSession)).andExpect(redirectedUrl("/login"));

        mvc.perform(post(link.group(1)).with(csrf()).param("password", "taken-over-123").param("repeat", "taken-over-123"))
                .andExpect(status().isGone()).andExpect(content().string(containsString("більше не діє")));
        mvc.perform(get(link.group(1))).andExpect(status().isGone());
        assertThat(directory.checkPassword(user, "new-password-12")).isTrue();
    }

    @Autowired Sessions sessions;

    // --- helpers

    private long applicationsCount() {
        return jdbc.sql("select count(*) from onboarding_application").query(Long.class).single();
    }

    private String storedHash(String user) {
        return jdbc.sql("select pwd_ from act_id_user where id_ = ?").param(user).query(String.class).single();
    }

    private MockMultipartHttpServletRequestBuilder applicationForm(String cluster, String edrpou, String email) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/apply/" + cluster).with(csrf())
                .param("submissionId", UUID.randomUUID().toString())
                .param("organisationName", "ТОВ «Публічна форма»").param("edrpou", edrpou).param("category", "sme")
                .param("sectors", "it").param("headcount", "10").param("region", "Харківська")
                .param("contactName", "Олег Руденко").param("contactEmail", email).param("offers", "ПЗ")
                .param("needs", "Партнери").param("consent", "true");
    }

    private static String model(String key, String expression) {
        String flow = expression == null ? "<bpmn:sequenceFlow id=\"F\" sourceRef=\"Start\" targetRef=\"End\"/>"
                : "<bpmn:sequenceFlow id=\"F\" sourceRef=\"Start\" targetRef=\"End\"><bpmn:conditionExpression "
                  + "xsi:type=\"bpmn:tFormalExpression\">" + expression + "</bpmn:conditionExpression></bpmn:sequenceFlow>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
                + "id=\"D\" targetNamespace=\"http://example.com\"><bpmn:process id=\"" + key + "\" isExecutable=\"true\" "
                + "camunda:historyTimeToLive=\"1\"><bpmn:startEvent id=\"Start\"/>" + flow
                + "<bpmn:endEvent id=\"End\"/></bpmn:process></bpmn:definitions>";
    }

    private static byte[] withBom(byte[] text) {
        byte[] bom = text.length > 1 && text[0] == 0 ? new byte[] {(byte) 0xFE, (byte) 0xFF} : new byte[] {(byte) 0xEF,
                (byte) 0xBB, (byte) 0xBF};
        byte[] out = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(text, 0, out, bom.length, text.length);
        return out;
    }

    private HttpResponse<String> deploy(byte[] model) throws Exception {
        String boundary = "cf" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"hidden.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(model);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(admin(HttpRequest.newBuilder(uri("/engine-rest/deployment/create")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpRequest.Builder admin(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
