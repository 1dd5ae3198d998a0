package ua.clusterflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;

/**
 * Invoices as documents: numbered without gaps within a cluster's year (also when many are issued at once), issued
 * once per case, their PDF read back with {@code pdftotext} in the payer's language with the amount in words, and
 * downloaded by the cluster's coordinators and the organisation's people alone.
 */
class InvoicesTest extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired MockMvc mvc;

    @Test
    void numbersFollowOnWithoutGapsAndACaseIsInvoicedOnce() throws Exception {
        Invoices.Invoice first = issue("kharkiv", "INV-" + UUID.randomUUID(), null, "uk");
        Invoices.Invoice second = issue("kharkiv", "INV-" + UUID.randomUUID(), null, "uk");
        assertThat(second.number()).isEqualTo(first.number() + 1);
        assertThat(second.year()).isEqualTo(AppClock.today().getYear());
        assertThat(invoices.issue(new Invoices.Issue("kharkiv", second.businessKey(), null, "Інша назва", "14360570",
                "Інше", BigDecimal.ONE, AppClock.today(), "uk")).id()).as("the step run again").isEqualTo(second.id());

        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Callable<Invoices.Invoice>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> issue("zaporizhzhia", "INV-" + UUID.randomUUID(), null, "uk"));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<Invoices.Invoice> done : pool.invokeAll(calls)) {
            numbers.add(done.get().number());
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int lowest = numbers.stream().min(Integer::compare).orElseThrow();
        assertThat(numbers).as("ten at once, one after the other").containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(lowest, lowest + 10).boxed().toList());
    }

    @Test
    void thePdfSaysTheNumberThePaymentDetailsAndTheAmountInWordsInThePayersLanguage() throws Exception {
        Invoices.Invoice ukrainian = issue("kharkiv", "INV-" + UUID.randomUUID(), null, "uk");
        String text = pdfText(invoices.pdf(ukrainian.id()));
        assertThat(text).contains("Рахунок на оплату № " + ukrainian.printed())
                .contains("UA21 3223 1300 0002 6007 2335 6600 1").contains("ТОВ «Рахункова»")
                .contains("дванадцять тисяч гривень 00 копійок").contains("12 000,00 UAH");
        Invoices.Invoice english = issue("kharkiv", "INV-" + UUID.randomUUID(), null, "en");
        assertThat(pdfText(invoices.pdf(english.id()))).contains("Invoice No. " + english.printed())
                .contains("twelve thousand hryvnias 00 kopiykas").contains("UAH 12,000.00");
    }

    @Test
    void theCoordinatorsAndTheOrganisationsPeopleDownloadItAndNobodyElse() throws Exception {
        long nadias = organisations.idsForContact("nadia").get(0);
        Invoices.Invoice invoice = issue("kharkiv", "INV-" + UUID.randomUUID(), nadias, "uk");
        mvc.perform(get("/invoices/" + invoice.id()).with(as("olena"))).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/invoices/" + invoice.id()).with(as("nadia"))).andExpect(status().isOk());
        mvc.perform(get("/members/" + nadias).with(as("nadia")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/invoices/" + invoice.id())));
        mvc.perform(get("/invoices/" + invoice.id()).with(as("bohdan"))).andExpect(status().isNotFound());
        mvc.perform(get("/invoices/" + invoice.id()).with(as("serhiy"))).andExpect(status().isNotFound());
        mvc.perform(get("/invoices/" + invoice.id()).with(as("petro"))).andExpect(status().isNotFound());
    }

    private Invoices.Invoice issue(String cluster, String key, Long organisationId, String language) {
        return invoices.issue(new Invoices.Issue(cluster, key, organisationId, "ТОВ «Рахункова»", "14360570",
                "Членський внесок за 2026/2027 р.", new BigDecimal("12000.00"), AppClock.today().plusDays(30),
                language));
    }
}
