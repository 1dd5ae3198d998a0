package ua.clusterflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import ua.clusterflow.grant.process.GrantProcess;
import ua.clusterflow.system.AppClock;

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
        mvc.perform(multipart("/cases/" + reference + "/documents").file(new MockMultipartFile("file", "second.pdf",
                        "application/pdf", PDF)).with(as("nadia")).with(csrf()))
                .andExpect(flash().attribute("documentError", DocumentQuota.PROBLEM));
        assertThat(documents(reference)).isEqualTo(documents);

        mvc.perform(get("/cases/" + reference).with(as("nadia")).flashAttr("documentError", DocumentQuota.PROBLEM)
                        .flashAttr("documentErrorArg", quota.quotaMb()))
                .andExpect(content().string(containsString("id=\"e-document\"")))
                .andExpect(content().string(containsString("перевищили б ліміт")));

        String draft = draft();
        long draftDocuments = documents(draft);
        mvc.perform(multipart("/grants/" + draft)
                        .file(new MockMultipartFile("attachments", "third.pdf", "application/pdf", PDF))
                        .param("title", "Заявка понад ліміт").param("version", "0").param("action", "save")
                        .with(as("nadia")).with(csrf()))
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
        mvc.perform(multipart("/grants/" + reference).param("programme", "smp").param("callId", "SMP-QUOTA-01")
                        .param("callDeadline", AppClock.today().plusDays(60).toString())
                        .param("title", "Квота документів").param("summary", "Перевірка квоти")
                        .param("requestedBudget", "100000").param("coFinancing", "10000")
                        .param("partnerName0", "Politechnika Łódzka").param("partnerCountry0", "PL")
                        .param("partnerRole0", "Research partner").param("version", "0").param("action", "submit")
                        .with(as("nadia")).with(csrf()))
                .andExpect(redirectedUrl("/grants"));
        return reference;
    }

    private String draft() throws Exception {
        String location = mvc.perform(post("/grants").with(as("nadia")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.replaceAll(".*/(GRA-\\d+)/edit", "$1");
    }

    private long used(long organisation) {
        return jdbc.sql("""
                select coalesce(sum(d.size_bytes), 0) from case_document d
                join case_record c on c.business_key = d.business_key where c.organisation_id = ?""")
                .param(organisation).query(Long.class).single();
    }

    private long documents(String reference) {
        return jdbc.sql("select count(*) from case_document where business_key = ?").param(reference)
                .query(Long.class).single();
    }
}
