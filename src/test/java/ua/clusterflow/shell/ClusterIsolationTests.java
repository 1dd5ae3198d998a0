package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.TaskProblem;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/** A cluster's people see only their own cluster: by list, by URL, and through the engine's REST API. */
class ClusterIsolationTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TaskWorkService work;

    @Test
    void aZaporizhzhiaCoordinatorCannotSeeOpenOrCompleteAKharkivTask() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Харківська таємниця»", newEdrpou(), "secret@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);

        mvc.perform(get("/tasks").with(as("serhiy")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(row(app.reference())))));
        mvc.perform(get("/tasks").param("q", app.reference()).param("cluster", "kharkiv").with(as("serhiy")))
                .andExpect(content().string(not(containsString(row(app.reference())))));
        mvc.perform(get("/tasks/" + review.getId()).with(as("serhiy")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "task.gone"));
        mvc.perform(post("/tasks/" + review.getId()).with(as("serhiy")).with(csrf()).param("reviewDecision", "accept"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "task.gone"));
        mvc.perform(post("/tasks/" + review.getId() + "/claim").with(as("serhiy")).with(csrf()))
                .andExpect(flash().attribute("error", "task.gone"));
        assertThatThrownBy(() -> work.complete(user("serhiy"), review.getId(),
                FormSubmission.ofValues(Map.of("reviewDecision", "accept"))))
                .isInstanceOf(TaskProblem.class);
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void aZaporizhzhiaCoordinatorCannotOpenAKharkivCaseItsDiagramOrItsDocuments() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Закрита справа»", newEdrpou(), "closed@example.com");
        long document = jdbc.sql("insert into case_document (business_key, file_name, content_type, size_bytes, content) "
                        + "values (?, 'a.pdf', 'application/pdf', 5, ?) returning id")
                .params(app.reference(), "%PDF-".getBytes()).query(Long.class).single();

        mvc.perform(get("/cases/" + app.reference()).with(as("serhiy"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + app.reference() + "/diagram").with(as("serhiy"))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + document).with(as("serhiy"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases").with(as("serhiy"))).andExpect(content().string(not(containsString(row(app.reference())))));

        mvc.perform(get("/cases/" + app.reference()).with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ТОВ «Закрита справа»")));
        mvc.perform(get("/documents/" + document).with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("attachment")));
    }

    @Test
    void theEngineRestApiIsForAdministratorsOnly() throws Exception {
        mvc.perform(get("/engine-rest/task")).andExpect(status().isUnauthorized());
        mvc.perform(get("/engine-rest/task").with(httpBasic("serhiy", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/engine-rest/task").with(as("olena"))).andExpect(status().isForbidden());
        mvc.perform(get("/engine-rest/process-instance").with(as("serhiy"))).andExpect(status().isForbidden());
        mvc.perform(get("/camunda/app/cockpit/default/").with(as("olena"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/mail").with(as("olena"))).andExpect(status().isForbidden());
    }

    @Test
    void aMemberSeesOnlyItsOwnOrganisationsCases() throws Exception {
        OnboardingApplication other = apply("kharkiv", "ТОВ «Не моя справа»", newEdrpou(), "notmine@example.com");
        mvc.perform(get("/cases").with(as("nadia")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(row(other.reference())))));
        mvc.perform(get("/cases/" + other.reference()).with(as("nadia"))).andExpect(status().isNotFound());
        mvc.perform(get("/tasks").with(as("nadia")))
                .andExpect(content().string(not(containsString(row(other.reference())))));
    }

    @Test
    void pagesNeedALoginAndErrorsShowNoStackTrace() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/NOPE-1").with(as("olena")))
                .andExpect(status().isNotFound());
    }

    /** How a case shows as a row of the task list or the case list. */
    private static String row(String businessKey) {
        return "data-case=\"" + businessKey + "\"";
    }
}
