package ua.clusterflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ua.clusterflow.TestRequests.tampered;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/** The public application form and the applicant's page: what a person sees on good and bad input. */
class OnboardingControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OnboardingApplicationRepository applications;
    @Autowired SignedLinks links;

    @Test
    void theFormNeedsNoLogin() throws Exception {
        mvc.perform(get("/apply/kharkiv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"edrpou\"")))
                .andExpect(content().string(containsString("name=\"submissionId\"")));
    }

    @Test
    void anInvalidEdrpouIsShownNextToTheFieldAndWhatWasTypedIsKept() throws Exception {
        mvc.perform(form("kharkiv", UUID.randomUUID().toString(), "edrpou", "12345670",
                        "organisationName", "ТОВ «Збережене ім'я»"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-edrpou\"")))
                .andExpect(content().string(containsString("Код ЄДРПОУ має складатися з 8 цифр")))
                .andExpect(content().string(containsString("value=\"ТОВ «Збережене ім&#39;я»\"")))
                .andExpect(content().string(containsString("value=\"12345670\"")));
    }

    @Test
    void anEdrpouTypedWithSpacesIsReadAndASecondApplicationIsToldOnScreenItIsADuplicate() throws Exception {
        String edrpou = newEdrpou();
        String spaced = edrpou.substring(0, 4) + " " + edrpou.substring(4);
        mvc.perform(form("kharkiv", UUID.randomUUID().toString(), "edrpou", spaced))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from onboarding_application where edrpou = ?").param(edrpou)
                .query(Long.class).single()).isEqualTo(1);
        var duplicate = mvc.perform(form("kharkiv", UUID.randomUUID().toString(), "edrpou", edrpou))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get(duplicate.getResponse().getRedirectedUrl()).cookie(duplicate.getResponse().getCookie("clusterflow-session")))
                .andExpect(content().string(containsString("id=\"applied-duplicate\"")))
                .andExpect(content().string(not(containsString("id=\"applied-text\""))));
    }

    @Test
    void aFeeIsNotPaidOnADayToComeAndTheInvoiceNamesWhereToPayInTheApplicantsWords() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/dashboard/records/payment")
                        .with(as("olena")).with(csrf()).param("cluster", "kharkiv").param("payee", "ГО «Кластер»")
                        .param("payeeCode", "1436 0570").param("iban", "UA21 3223 1300 0002 6007 2335 6600 2"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-iban\"")))
                .andExpect(content().string(containsString("value=\"UA21 3223 1300 0002 6007 2335 6600 2\"")));
        mvc.perform(MockMvcRequestBuilders.post("/dashboard/records/payment")
                        .with(as("olena")).with(csrf()).param("cluster", "kharkiv").param("payee", "ГО «Кластер»")
                        .param("payeeCode", "1436 0570").param("iban", "UA21 3223 1300 0002 6007 2335 6600 1"))
                .andExpect(status().is3xxRedirection());

        OnboardingApplication app = apply("kharkiv", "ТОВ «Платник»", newEdrpou(), "payer@example.com");
        complete(app.reference(), OnboardingProcess.TASK_REVIEW, "olena",
                Map.of("reviewDecision", "accept"));
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(app.reference(), voter, "approve", null);
        }
        String invoice = mailsTo("payer@example.com").stream()
                .filter(m -> subject(m).startsWith("Рахунок на членський внесок")).map(IntegrationTest::body)
                .findFirst().orElseThrow();
        assertThat(invoice).contains("UA21 3223 1300 0002 6007 2335 6600 1").contains("14360570")
                .contains("ГО «Кластер»").contains(app.reference()).contains("Мале підприємство")
                .doesNotContain("Small");

        String payment = task(app.reference(), OnboardingProcess.TASK_CONFIRM_PAYMENT).getId();
        mvc.perform(MockMvcRequestBuilders.post("/tasks/" + payment)
                        .with(as("olena")).with(csrf()).param("paymentOutcome", "paid")
                        .param("paidOn", AppClock.today().plusYears(1).toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-paidOn\"")));
        mvc.perform(get("/cases/" + app.reference()).with(as("olena")))
                .andExpect(content().string(containsString("Мале підприємство")));
        // the history's amounts, counts and outcomes in the reader's language and format
        var ukrainian = org.jsoup.Jsoup.parse(mvc.perform(get("/cases/" + app.reference()).with(as("olena")))
                .andReturn().getResponse().getContentAsString()).select("ol.history").text().replace('\u00a0', ' ');
        assertThat(ukrainian).contains("Мале підприємство: 12 000,00 UAH")
                .contains("Схвалено (за — 3, проти — 0, утрималися — 0)").doesNotContain("12000.00", "approve (");
        var english = org.jsoup.Jsoup.parse(mvc.perform(get("/cases/" + app.reference()).with(as("olena"))
                        .cookie(new Cookie("clusterflow-lang", "en")))
                .andReturn().getResponse().getContentAsString()).select("ol.history").text();
        assertThat(english).contains("Small enterprise: UAH 12,000.00").contains("Approved (for 3, against 0, abstained 0)")
                .doesNotContain("Мале");
    }

    @Test
    void consentIsRequired() throws Exception {
        mvc.perform(form("kharkiv", UUID.randomUUID().toString(), "edrpou", newEdrpou(), "consent", null))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-consent\"")));
    }

    @Test
    void anUploadThatIsNotReallyAPdfIsRefusedAndTheRestIsKept() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("registrationExtract", "extract.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes());
        mvc.perform(form("kharkiv", UUID.randomUUID().toString(), "edrpou", newEdrpou()).file(fake))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-registrationExtract\"")))
                .andExpect(content().string(containsString("Дозволені файли: PDF")))
                .andExpect(content().string(containsString("Роботизовані комірки")));
    }

    @Test
    void anOversizedUploadIsRefusedWithItsLimit() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy("%PDF-1.4".getBytes(), 0, big, 0, 8);
        mvc.perform(form("kharkiv", UUID.randomUUID().toString(), "edrpou", newEdrpou())
                        .file(new MockMultipartFile("registrationExtract", "big.pdf", "application/pdf", big)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Файл більший за 10 МБ")));
    }

    @Test
    void aDoubleSubmittedApplicationIsStoredOnce() throws Exception {
        String submission = UUID.randomUUID().toString();
        String edrpou = newEdrpou();
        MockMultipartFile pdf = new MockMultipartFile("registrationExtract", "витяг.pdf", "application/pdf",
                "%PDF-1.4 test".getBytes());
        mvc.perform(form("kharkiv", submission, "edrpou", edrpou).file(pdf))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/kharkiv/done"));
        mvc.perform(form("kharkiv", submission, "edrpou", edrpou))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/kharkiv/done"));

        assertThat(jdbc.sql("select count(*) from onboarding_application where edrpou = ?").param(edrpou)
                .query(Long.class).single()).isEqualTo(1);
        String reference = applications.findBySubmission(submission).orElseThrow().reference();
        assertThat(jdbc.sql("select file_name from case_document where business_key = ?").param(reference)
                .query(String.class).list()).containsExactly("витяг.pdf");
    }

    @Test
    void theApplicantFollowsTheApplicationThroughTheSignedLinkOnly() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Стежу»", newEdrpou(), "follow@example.com");
        String token = onboarding.trackingToken(app);
        mvc.perform(get("/track/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(app.reference())))
                .andExpect(content().string(not(containsString("id=\"amend-form\""))));
        mvc.perform(get("/track/" + tampered(token)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Посилання пошкоджене")));
        String expired = links.sign(OnboardingService.TRACK_LINK, app.reference(), Duration.ofSeconds(-1));
        mvc.perform(get("/track/" + expired))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Строк дії посилання минув")));
    }

    @Test
    void anAmendmentWithBadInputKeepsItAndAGoodOneReturnsTheCaseToReview() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Доповню»", newEdrpou(), "amendweb@example.com");
        complete(app.reference(), "Task_ReviewApplication", "olena",
                Map.of("reviewDecision", "moreInfo", "reviewComment", "Додайте телефон"));
        String token = onboarding.trackingToken(app);
        mvc.perform(get("/track/" + token))
                .andExpect(content().string(containsString("Додайте телефон")))
                .andExpect(content().string(containsString("id=\"amend-form\"")));

        mvc.perform(amend(token, "edrpou", "1", "contactPhone", "+380 57 700 00 00"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("+380 57 700 00 00")));
        mvc.perform(amend(token, "edrpou", app.edrpou(), "contactPhone", "+380 57 700 00 00"))
                .andExpect(status().is3xxRedirection());
        assertThat(applications.get(app.id()).contactPhone()).isEqualTo("+380 57 700 00 00");
        assertThat(applications.get(app.id()).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    /**
     * The registry extract the coordinator asked for is on the review task itself; and an application is not accepted
     * (the step that sends the fee invoice) while the cluster has not said where the fee is paid: the coordinator is
     * told beside the decision, sets the details, and accepts.
     */
    @Test
    void theReviewShowsTheExtractAskedForAndAcceptsOnlyOnceThePaymentDetailsAreSet() throws Exception {
        jdbc.sql("delete from cluster_payment_details where cluster_id = 'zaporizhzhia'").update();
        OnboardingApplication app = apply("zaporizhzhia", "ТОВ «Без реквізитів»", newEdrpou(), "norekv@example.com");
        complete(app.reference(), "Task_ReviewApplication", "serhiy",
                Map.of("reviewDecision", "moreInfo", "reviewComment", "Додайте витяг з ЄДР"));
        MockMultipartFile extract = new MockMultipartFile("registrationExtract", "витяг-з-ЄДР.pdf", "application/pdf",
                "%PDF-1.4 витяг".getBytes(StandardCharsets.UTF_8));
        mvc.perform(amend(onboarding.trackingToken(app), "edrpou", app.edrpou()).file(extract))
                .andExpect(status().is3xxRedirection());
        String review = task(app.reference(), "Task_ReviewApplication").getId();
        mvc.perform(get("/tasks/" + review).with(as("serhiy")))
                .andExpect(content().string(containsString("id=\"task-documents\"")))
                .andExpect(content().string(containsString("витяг-з-ЄДР.pdf")));

        mvc.perform(post("/tasks/" + review).with(as("serhiy")).with(csrf()).param("reviewDecision", "accept")
                        .param("reviewComment", "Усе гаразд"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-reviewDecision\"")))
                .andExpect(content().string(containsString("реквізити кластера для оплати ще не вказано")))
                .andExpect(content().string(containsString("Усе гаразд")));
        assertThat(task(app.reference(), "Task_ReviewApplication")).isNotNull();

        mvc.perform(post("/dashboard/records/payment").with(as("serhiy")).with(csrf()).param("cluster", "zaporizhzhia")
                        .param("payee", "ГО «Запорізький кластер»").param("payeeCode", "1436 0570")
                        .param("iban", "UA21 3223 1300 0002 6007 2335 6600 1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/tasks/" + review).with(as("serhiy")).with(csrf()).param("reviewDecision", "accept"))
                .andExpect(status().is3xxRedirection());
    }

    private MockMultipartHttpServletRequestBuilder form(String cluster, String submissionId, String... overrides) {
        return (MockMultipartHttpServletRequestBuilder) filled(multipart("/apply/" + cluster), overrides)
                .param("submissionId", submissionId).with(csrf());
    }

    private MockMultipartHttpServletRequestBuilder amend(String token, String... overrides) {
        return (MockMultipartHttpServletRequestBuilder) filled(multipart("/track/" + token), overrides).with(csrf());
    }

    /** A filled-in application form; overrides are name/value pairs, a null value leaves the field out. */
    private static MockMultipartHttpServletRequestBuilder filled(MockMultipartHttpServletRequestBuilder request,
                                                                 String... overrides) {
        Map<String, String[]> values = new LinkedHashMap<>();
        values.put("organisationName", new String[] {"ТОВ «Веб-заявник»"});
        values.put("category", new String[] {"sme"});
        values.put("sectors", new String[] {"automation", "it"});
        values.put("headcount", new String[] {"25"});
        values.put("region", new String[] {"Харківська"});
        values.put("contactName", new String[] {"Олег Руденко"});
        values.put("contactEmail", new String[] {"web-applicant@example.com"});
        values.put("offers", new String[] {"Роботизовані комірки"});
        values.put("needs", new String[] {"Партнери"});
        values.put("consent", new String[] {"true"});
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1] == null ? null : new String[] {overrides[i + 1]});
        }
        values.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        return request;
    }
}
