package ua.clusterflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.grant.GrantForms;
import ua.clusterflow.grant.process.GrantProcess;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/**
 * A member organisation keeps at most its quota of documents across all its cases: an upload past it, through the case
 * page, the grant form or a task's form, is refused with a message next to the field, and nothing of it is stored.
 */
class DocumentQuotaTest extends IntegrationTest {

    private static final byte[] PDF = "%PDF-1.4\n% quota test\n".getBytes();

    @Autowired MockMvc mvc;
    @Autowired DocumentQuota quota;
    @Autowired TaskWorkService work;

    @AfterEach
    void restoreQuota() {
        quota.setQuotaBytes(500L * 1024 * 1024);
    }

    @Test
    void uploadsPastTheOrganisationsQuotaAreRefusedEverywhereAndNothingIsStored() throws Exception {
        String reference = submittedGrant();
        long organisation = jdbc.sql("select organisation_id from case_record where business_key = ?")
                .param(reference).query(Long.class).single();
        quota.setQuotaBytes(used(organisation) + PDF.length);

        mvc.perform(multipart("/cases/" + reference + "/documents").file(new MockMultipartFile("file", "first.pdf",
                        "application/pdf", PDF)).with(as("nadia")).with(csrf()))
                .andExpect(flash().attributeCount(0));
        long documents = documents(reference);
        var refused = mvc.perform(multipart("/cases/" + reference + "/documents").file(new MockMultipartFile("file",
                        "second.pdf", "application/pdf", PDF)).with(as("nadia")).with(csrf()))
                .andExpect(flash().attribute("documentError", DocumentQuota.PROBLEM)).andReturn();
        assertThat(documents(reference)).isEqualTo(documents);

        mvc.perform(get("/cases/" + reference).with(as("nadia"))
                        .cookie(refused.getResponse().getCookie("clusterflow-session")))
                .andExpect(content().string(containsString("id=\"e-document\"")))
                .andExpect(content().string(containsString("перевищили б ліміт")));

        String draft = draft();
        long draftDocuments = documents(draft);
        mvc.perform(GrantForms.form(draft, 0, "save", as("nadia"), "title", "Заявка понад ліміт")
                        .file(new MockMultipartFile("attachments", "third.pdf", "application/pdf", PDF)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-attachments\"")))
                .andExpect(content().string(containsString("перевищили б ліміт")))
                .andExpect(content().string(containsString("value=\"Заявка понад ліміт\"")));
        assertThat(documents(draft)).isEqualTo(draftDocuments);
        assertThat(jdbc.sql("select version from grant_application where reference = ?").param(draft)
                .query(Integer.class).single()).as("the refused form wrote nothing").isZero();

        String screening = task(reference, GrantProcess.TASK_SCREEN).getId();
        FormSubmission submission = FormSubmission.ofValues(Map.of("screeningDecision", "accept"));
        submission.putUpload("annex", new FormSubmission.Upload("annex.pdf", "application/pdf", PDF));
        assertThatThrownBy(() -> work.complete(user("olena"), screening, submission))
                .isInstanceOfSatisfying(TaskProblem.class, p -> assertThat(p.messageKey()).isEqualTo(DocumentQuota.PROBLEM));
        assertThat(tasks.createTaskQuery().taskId(screening).count()).as("the step stays open").isOne();
        assertThat(documents(reference)).isEqualTo(documents);

        quota.setQuotaBytes(used(organisation) + 10L * PDF.length);
        mvc.perform(multipart("/cases/" + reference + "/documents").file(new MockMultipartFile("file", "second.pdf",
                        "application/pdf", PDF)).with(as("nadia")).with(csrf()))
                .andExpect(flash().attributeCount(0));
        assertThat(documents(reference)).as("with room again, the upload is stored").isEqualTo(documents + 1);
    }

    private String submittedGrant() throws Exception {
        String reference = draft();
        mvc.perform(GrantForms.form(reference, 0, "submit", as("nadia"))).andExpect(redirectedUrl("/grants"));
        return reference;
    }

    private String draft() throws Exception {
        return GrantForms.newDraft(mvc, as("nadia"));
    }

    private long used(long organisation) {
        return quota.usedBytes(organisation);
    }

    private long documents(String reference) {
        return jdbc.sql("select count(*) from case_document where business_key = ?").param(reference)
                .query(Long.class).single();
    }
}
