package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * Expression syntax of the template engine and of Spring (preprocessing {@code __${..}__}, fragment selectors,
 * inlining, message and URL expressions, URI templates) typed into addresses, parameters and stored fields is never
 * evaluated: it cannot reach a view name, and text shown back stays text. Each expression would print 55433 or create
 * a file if it ran.
 */
class TemplateInjectionTests extends IntegrationTest {

    private static final String PRODUCT = "55433";
    private static final Path MARKER = Path.of("target", "template-injection-ran");
    private static final List<String> EXPRESSIONS = List.of(
            "__${7*7919}__::.x",
            "__${T(java.nio.file.Files).createFile(T(java.nio.file.Path).of('" + MARKER + "'))}__::.x",
            "${7*7919}", "*{7*7919}", "#{7*7919}", "@{/x(a=${7*7919})}", "~{::${7*7919}}",
            "[[${7*7919}]]", "[(${7*7919})]", "#{T(java.lang.Math).addExact(55000, 433)}", "{x}", "${{7*7919}}");

    @Autowired MockMvc mvc;

    @Test
    void expressionsInAddressesAndParametersAreNeverEvaluated() throws Exception {
        List<String> asked = new ArrayList<>();
        for (String expression : EXPRESSIONS) {
            String encoded = URLEncoder.encode(expression, StandardCharsets.UTF_8)
                    .replace("+", "%20");
            for (String path : List.of("/cases/", "/tasks/", "/meetups/", "/grants/", "/track/", "/expert/",
                    "/review/", "/invitation/", "/directory/", "/board/votes/", "/apply/", "/")) {
                asked.add(path + encoded);
            }
            for (String query : List.of("/tasks?q=", "/tasks?view=", "/tasks?due=", "/tasks?process=",
                    "/dashboard?cluster=", "/roles?cluster=", "/lang?to=en&back=/", "/lang?to=", "/login?error=")) {
                asked.add(query + encoded);
            }
        }
        int refusedOrHarmless = 0;
        for (String page : asked) {
            MockHttpServletResponse response = mvc.perform(get(URI.create(page)).with(as("olena")))
                    .andReturn().getResponse();
            assertHarmless(page, response);
            refusedOrHarmless++;
        }
        for (String expression : EXPRESSIONS) {
            assertHarmless("lang with " + expression, mvc.perform(get("/lang").param("to", "en")
                    .param("back", "/tasks/" + expression)).andReturn().getResponse());
            assertHarmless("Accept-Language " + expression, mvc.perform(get("/login")
                    .header("Accept-Language", expression)).andReturn().getResponse());
        }
        assertThat(refusedOrHarmless).isEqualTo(asked.size());
        assertThat(MARKER).doesNotExist();
    }

    @Test
    void expressionsStoredInAnApplicationAreShownAsTypedOnPagesAndInMail() throws Exception {
        String typed = String.join(" ", EXPRESSIONS);
        Map<String, Object> values = applicationValues("ТОВ «Вираз»", newEdrpou(), "expressions@example.com");
        values.put("region", "__${7*7919}__::.x");
        values.put("contactName", "[[${7*7919}]] [(${7*7919})]");
        values.put("offers", typed);
        values.put("needs", typed);
        OnboardingApplication app = onboarding.apply("kharkiv", UUID.randomUUID().toString(),
                FormSubmission.ofValues(values), "uk", null);
        String taskId = task(app.reference(), OnboardingProcess.TASK_REVIEW).getId();
        mvc.perform(post("/cases/" + app.reference() + "/comments").with(as("olena")).with(csrf()).param("body", typed));

        assertHarmless("task list", mvc.perform(get("/tasks?q=" + app.reference()).with(as("olena"))).andReturn()
                .getResponse());
        for (String page : List.of("/tasks/" + taskId, "/cases/" + app.reference())) {
            MockHttpServletResponse response = mvc.perform(get(page).with(as("olena"))).andReturn().getResponse();
            assertHarmless(page, response);
            assertThat(response.getContentAsString()).as(page).contains("__${7*7919}__::.x").contains("[[${7*7919}]]");
        }
        List<String> mails = jdbc.sql("select body_html from mail_outbox where business_key = ?")
                .param(app.reference()).query(String.class).list();
        assertThat(mails).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(PRODUCT));
        assertThat(MARKER).doesNotExist();
    }

    private static void assertHarmless(String what, MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(what).isIn(Set.of(200, 302, 400, 403, 404, 405, 422));
        assertThat(response.getContentAsString()).as(what).doesNotContain(PRODUCT);
        assertThat(String.valueOf(response.getRedirectedUrl())).as(what).doesNotContain(PRODUCT);
    }
}
