package ua.clusterflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * Markup typed into every free-text field of an application comes back as text wherever it is shown: the task list,
 * the task and case pages, and the mail written about it; it never comes back as markup.
 */
class StoredScriptTest extends IntegrationTest {

    static final String PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired MockMvc mvc;

    @Test
    void markupInAnApplicationIsShownAsTextOnEveryPageAndInMail() throws Exception {
        Map<String, Object> values = applicationValues("ТОВ " + PAYLOAD, newEdrpou(), "markup@example.com");
        for (String field : List.of("region", "contactName", "offers", "needs")) {
            values.put(field, field + " " + PAYLOAD);
        }
        OnboardingApplication app = onboarding.apply("kharkiv", java.util.UUID.randomUUID().toString(),
                FormSubmission.ofValues(values), "uk", null);
        String taskId = task(app.reference(), OnboardingProcess.TASK_REVIEW).getId();

        for (String page : List.of("/tasks?q=" + app.reference(), "/tasks/" + taskId, "/cases/" + app.reference())) {
            String html = mvc.perform(get(page).with(as("olena"))).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("&lt;script&gt;alert(")
                    .doesNotContain("<script>alert(").doesNotContain("<img src=x");
        }
        List<String> mails = jdbc.sql("select body_html from mail_outbox where business_key = ?")
                .param(app.reference()).query(String.class).list();
        assertThat(mails).isNotEmpty().allSatisfy(body -> assertThat(body)
                .doesNotContain("<script>alert(").doesNotContain("<img src=x"));
    }
}
