package ua.clusterflow.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ua.clusterflow.TestRequests.tampered;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.grant.process.GrantProcess;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.engine.FormDefinitions;

/** The member portal for grants: bad input, stale forms, who may see what, and the reviewer's link. */
class GrantControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GrantRepository grants;
    @Autowired GrantService service;
    @Autowired ClusterDirectory directory;

    @BeforeEach
    void anotherMemberOfTheSameCluster() {
        if (!directory.personExists("marta")) {
            directory.createPerson("marta", "Марта", "Іншенко", "marta@clusterflow.local", "uk", "marta-password");
            directory.grant("marta", "kharkiv", Role.MEMBER);
            jdbc.sql("update member_organisation set contact_user = 'marta' where name like 'Харківський політехнічний%'")
                    .update();
        }
    }

    @Test
    void badInputIsExplainedNextToEachFieldAndWhatWasTypedStays() throws Exception {
        String reference = newDraft();
        byte[] exe = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes();
        byte[] big = new byte[25 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);

        mvc.perform(form(reference, 0, "submit", "callDeadline", AppClock.today().minusDays(1).toString(),
                        "requestedBudget", "-5000", "partnerCountry0", "XX")
                        .file(new MockMultipartFile("attachments", "budget.pdf", "application/pdf", exe)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-callDeadline\"")))
                .andExpect(content().string(containsString("Дедлайн конкурсу має бути в майбутньому")))
                .andExpect(content().string(containsString("id=\"e-requestedBudget\"")))
                .andExpect(content().string(containsString("id=\"e-partner0\"")))
                .andExpect(content().string(containsString("Файл «budget.pdf» не є PDF")))
                .andExpect(content().string(containsString("value=\"Цифрові двійники для зварювання\"")))
                .andExpect(content().string(containsString("value=\"-5000\"")));

        mvc.perform(form(reference, 0, "draft").file(new MockMultipartFile("attachments", "huge.pdf", "application/pdf", big)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Файл «huge.pdf» більший за 20 МБ")));
        assertThat(grants.findByReference(reference).orElseThrow().title()).as("nothing stored on error").isNull();
    }

    @Test
    void aDraftIsSavedThenSubmittedToTheCoordinatorWithItsAttachments() throws Exception {
        String reference = newDraft();
        mvc.perform(form(reference, 0, "draft")
                        .file(new MockMultipartFile("attachments", "кошторис.xlsx", "application/octet-stream", xlsx())))
                .andExpect(redirectedUrl("/grants/" + reference + "/edit"));
        mvc.perform(form(reference, 1, "submit")).andExpect(redirectedUrl("/grants"));

        GrantApplication a = grants.findByReference(reference).orElseThrow();
        assertThat(a.status()).isEqualTo(GrantStatus.SCREENING);
        assertThat(a.partners()).hasSize(1);
        assertThat(jdbc.sql("select file_name from case_document where business_key = ?").param(reference)
                .query(String.class).list()).containsExactly("кошторис.xlsx");
        BpmnAwareTests.assertThat(instance(reference, GrantProcess.KEY))
                .isWaitingAt(GrantProcess.TASK_SCREEN);
        mvc.perform(get("/grants").with(as("nadia")))
                .andExpect(content().string(containsString("data-case=\"" + reference + "\"")))
                .andExpect(content().string(containsString("Перевірте грантову заявку")));
        mvc.perform(get("/grants/calendar").with(as("olena")))
                .andExpect(content().string(containsString("data-case=\"" + reference + "\"")));
        mvc.perform(get("/tasks").with(as("olena")))
                .andExpect(content().string(containsString("data-case=\"" + reference + "\"")));
    }

    @Test
    void aStaleFormIsRefusedAndItsValuesAreKept() throws Exception {
        String reference = newDraft();
        mvc.perform(form(reference, 0, "submit")).andExpect(redirectedUrl("/grants"));
        mvc.perform(form(reference, 0, "draft", "title", "Моя пізня правка"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Заявка змінилася, поки ви її редагували")))
                .andExpect(content().string(containsString("value=\"Моя пізня правка\"")));
        assertThat(grants.findByReference(reference).orElseThrow().title()).isEqualTo("Цифрові двійники для зварювання");
    }

    @Test
    void nobodyOutsideTheOrganisationOrClusterSeesTheApplication() throws Exception {
        String reference = newDraft();
        mvc.perform(form(reference, 0, "submit")
                        .file(new MockMultipartFile("attachments", "plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes())))
                .andExpect(redirectedUrl("/grants"));
        long document = jdbc.sql("select id from case_document where business_key = ?").param(reference)
                .query(Long.class).single();
        for (String outsider : new String[] {"marta", "bohdan", "serhiy"}) {
            mvc.perform(get("/grants").with(as(outsider)))
                    .andExpect(content().string(not(containsString("data-case=\"" + reference + "\""))));
            mvc.perform(get("/grants/calendar").with(as(outsider)))
                    .andExpect(content().string(not(containsString("data-case=\"" + reference + "\""))));
            mvc.perform(get("/grants/" + reference + "/edit").with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/cases/" + reference).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/documents/" + document).with(as(outsider))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/cases/" + reference).with(as("olena"))).andExpect(status().isOk());
        mvc.perform(get("/documents/" + document).with(as("nadia"))).andExpect(status().isOk());
    }

    @Test
    void aReviewerWithoutAnAccountScoresThroughTheLinkOnce() throws Exception {
        String reference = newDraft();
        mvc.perform(form(reference, 0, "submit")).andExpect(redirectedUrl("/grants"));
        complete(reference, GrantProcess.TASK_SCREEN, "olena", Map.of("screeningDecision", "accept"));
        complete(reference, GrantProcess.TASK_ASSIGN_REVIEWERS, "olena",
                Map.of("reviewer1Name", "Зовнішній Експерт", "reviewer1Email", "outside-expert@example.com"));
        String link = body(mailsTo("outside-expert@example.com").get(0)).replaceAll("(?s).*href=\"[^\"]*(/review/[^\"]+)\".*", "$1");

        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Цифрові двійники для зварювання")));
        mvc.perform(post(link).with(csrf()).param("excellence", "4").param("impact", "").param("comment", "Сильний консорціум"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-scores\"")))
                .andExpect(content().string(containsString("Сильний консорціум")));
        mvc.perform(post(link).with(csrf()).param("excellence", "4").param("impact", "4").param("implementation", "3")
                        .param("comment", "Сильний консорціум"))
                .andExpect(content().string(containsString("id=\"review-done\"")));
        mvc.perform(post(link).with(csrf()).param("excellence", "0").param("impact", "0").param("implementation", "0")
                        .param("comment", "Друга спроба"))
                .andExpect(content().string(containsString("id=\"review-done\"")));
        assertThat(jdbc.sql("select excellence from grant_review where reviewer_email = 'outside-expert@example.com'")
                .query(Integer.class).single()).isEqualTo(4);
        BpmnAwareTests.assertThat(instance(reference, GrantProcess.KEY))
                .isWaitingAt(GrantProcess.CALL_BOARD_VOTE);
        mvc.perform(get(tampered(link))).andExpect(status().isForbidden());
    }

    @Test
    void twoClicksOnNewApplicationMakeOneDraftWhichListsItsFilesAndCanBeDeleted() throws Exception {
        String first = newDraft();
        assertThat(newDraft()).as("an untouched draft is opened again").isEqualTo(first);
        mvc.perform(get("/grants").with(as("nadia")))
                .andExpect(content().string(containsString("Чернетка без назви")));
        mvc.perform(form(first, 0, "draft")
                        .file(new MockMultipartFile("attachments", "кошторис.xlsx", "application/octet-stream", xlsx())))
                .andExpect(redirectedUrl("/grants/" + first + "/edit"));
        mvc.perform(get("/grants/" + first + "/edit").with(as("nadia")))
                .andExpect(content().string(containsString("id=\"saved-attachments\"")))
                .andExpect(content().string(containsString("кошторис.xlsx")))
                .andExpect(content().string(containsString("id=\"delete-draft\"")));
        assertThat(newDraft()).as("a draft with something typed is not reused").isNotEqualTo(first);

        mvc.perform(post("/grants/" + first + "/delete").with(as("marta")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/grants/" + first + "/delete").with(as("nadia")).with(csrf())).andExpect(redirectedUrl("/grants"));
        assertThat(grants.findByReference(first)).isEmpty();
        assertThat(jdbc.sql("select count(*) from case_record where business_key = ?").param(first).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from case_document where business_key = ?").param(first).query(Long.class)
                .single()).isZero();
    }

    @Test
    void theListSaysWhatADraftAwaitsAndThatAClosedApplicationHasNoFurtherSteps() throws Exception {
        String draft = newDraft();
        mvc.perform(form(draft, 0, "draft")).andExpect(redirectedUrl("/grants/" + draft + "/edit"));
        String declined = newDraft();
        mvc.perform(form(declined, 0, "submit")).andExpect(redirectedUrl("/grants"));
        complete(declined, GrantProcess.TASK_SCREEN, "olena",
                Map.of("screeningDecision", "decline", "screeningComment", "Не наш профіль"));
        var page = org.jsoup.Jsoup.parse(mvc.perform(get("/grants").with(as("nadia"))).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("tr[data-case=" + draft + "] td").eachText())
                .contains("Заповнити й подати заявку", "Автор чернетки");
        assertThat(page.select("tr[data-case=" + declined + "] td").eachText())
                .contains("Кроків більше немає", "—");
    }

    @Test
    void aFundedAmountAboveTheRequestAndASecondReviewerWithoutAnAddressAreRefused() throws Exception {
        String reference = newDraft();
        mvc.perform(form(reference, 0, "draft")).andExpect(redirectedUrl("/grants/" + reference + "/edit"));
        FormSubmission outcome = validator.validate(form("grant-application/grant-application-outcome.form"),
                Map.of("outcome", List.of("funded"), "amountGranted", List.of("99999999")), null, reference);
        assertThat(outcome.error("amountGranted").code()).isEqualTo("grant.error.grantedOverRequested");
        assertThat(validator.validate(form("grant-application/grant-application-outcome.form"),
                Map.of("outcome", List.of("funded"), "amountGranted", List.of("250000")), null, reference).errors())
                .isEmpty();
        FormSubmission reviewers = validator.validate(form("grant-application/grant-application-reviewers.form"),
                Map.of("reviewer1Name", List.of("Перший"), "reviewer1Email", List.of("first@example.com"),
                        "reviewer2Name", List.of("Другий")), null, reference);
        assertThat(reviewers.error("reviewer2Email").code()).isEqualTo("error.requiredWhen");
    }

    private FormDefinition form(String file) throws IOException {
        try (var in = new FileInputStream("forms/" + file)) {
            return formDefinitions.parse(in);
        }
    }

    private String newDraft() throws Exception {
        return GrantForms.newDraft(mvc, as("nadia"));
    }

    @Autowired FormValidator validator;
    @Autowired FormDefinitions formDefinitions;

    private MockMultipartHttpServletRequestBuilder form(String reference, int version, String action, String... overrides) {
        return GrantForms.form(reference, version, action, as("nadia"), overrides);
    }

    private static byte[] xlsx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes());
        }
        return bytes.toByteArray();
    }
}
