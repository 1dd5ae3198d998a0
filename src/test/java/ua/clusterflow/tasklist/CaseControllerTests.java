package ua.clusterflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;

/** The case page: where a case stands, its diagram, comments and documents, in either language. */
class CaseControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestRestTemplate http;

    @Test
    void showsStatusCurrentStepHistoryAndTheDiagramWithTheWaitingStep() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Прозора справа»", newEdrpou(), "case@example.com");
        mvc.perform(get("/cases/" + app.reference()).with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("На розгляді координатора")))
                .andExpect(content().string(containsString("Розгляньте заявку на членство")))
                .andExpect(content().string(containsString("Заявку подано")))
                .andExpect(content().string(containsString("/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js")));
        mvc.perform(get("/cases/" + app.reference() + "/diagram").with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active[0]").value("Task_ReviewApplication"))
                .andExpect(jsonPath("$.completed").isNotEmpty())
                .andExpect(jsonPath("$.xml").value(containsString("MemberOnboarding")));
        mvc.perform(get("/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js"))
                .andExpect(status().isOk());
    }

    @Test
    void commentsAndDocumentsAreAddedAndBadOnesExplained() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Документи»", newEdrpou(), "docs@example.com");
        mvc.perform(post("/cases/" + app.reference() + "/comments").with(as("olena")).with(csrf())
                        .param("body", "Зателефонувала, все гаразд"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/" + app.reference() + "/comments").with(as("olena")).with(csrf()).param("body", "  "))
                .andExpect(flash().attribute("commentError", "error.required"));

        mvc.perform(multipart("/cases/" + app.reference() + "/documents")
                        .file(new MockMultipartFile("file", "протокол.pdf", "application/pdf", "%PDF-1.5 x".getBytes()))
                        .with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/cases/" + app.reference() + "/documents")
                        .file(new MockMultipartFile("file", "page.pdf", "application/pdf", "<html></html>".getBytes()))
                        .with(as("olena")).with(csrf()))
                .andExpect(flash().attribute("documentError", "error.file.type"));

        mvc.perform(get("/cases/" + app.reference()).with(as("olena")))
                .andExpect(content().string(containsString("Зателефонувала, все гаразд")))
                .andExpect(content().string(containsString("протокол.pdf")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("page.pdf"))));
    }

    @Test
    void thePagesSwitchToEnglishAndBack() throws Exception {
        MvcResult switched = mvc.perform(get("/lang").param("to", "en").param("back", "/login"))
                .andExpect(status().is3xxRedirection()).andReturn();
        Cookie language = switched.getResponse().getCookie("clusterflow-lang");
        assertThat(language).isNotNull();
        mvc.perform(get("/apply/kharkiv").cookie(language))
                .andExpect(content().string(containsString("Membership application")))
                .andExpect(content().string(containsString("EDRPOU code")));
        mvc.perform(get("/lang").param("to", "en").param("back", "//evil.example.com"))
                .andExpect(MockMvcResultMatchers.redirectedUrl("/"));
    }

    @Test
    void errorPagesExplainWithoutAStackTrace() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> missing = http.exchange("/apply/no-such-cluster", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).contains("Сторінку не знайдено").doesNotContain("Exception").doesNotContain("at ua.");
    }
}
