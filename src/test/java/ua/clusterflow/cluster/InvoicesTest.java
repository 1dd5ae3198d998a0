package ua.clusterflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * Invoices as documents: numbered without gaps within a cluster's year (also when many are issued at once), issued
 * once per case, their PDF read back with {@code pdftotext} in the payer's language with the amount in words, and
 * downloaded by the cluster's coordinators and the organisation's people alone.
 */
class InvoicesTest extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;
    @Autowired CaseRepository cases;

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
                IntStream.range(lowest, lowest + 10).boxed().toList());
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

    /**
     * Who owes what: the open invoices by age with their payers' status, totals per age, the same in a spreadsheet; a
     * paid or cancelled invoice leaves the page, and only the cluster's coordinators see it.
     */
    @Test
    void theDebtorsPageShowsOpenInvoicesByAgeAndForgetsPaidAndCancelledOnes() throws Exception {
        String cluster = "debtors-" + Long.toString(System.nanoTime(), 36);
        directory.createCluster(cluster, "Кластер боржників");
        directory.createPerson(cluster + "-coordinator", "Ольга", "Рахункова", cluster + "@example.com", "uk", null);
        directory.grant(cluster + "-coordinator", cluster, Role.COORDINATOR);
        Invoices.Invoice notDue = invoices.issue(new Invoices.Issue(cluster, "D-1-" + cluster, null, "ТОВ «Нова»",
                "14360570", "Внесок", new BigDecimal("1000"), AppClock.today().plusDays(5), "uk"));
        Invoices.Invoice late = invoices.issue(new Invoices.Issue(cluster, "D-2-" + cluster, null, "ТОВ «Пізня»",
                "14360570", "Внесок", new BigDecimal("2000"), AppClock.today().minusDays(45), "uk"));
        Invoices.Invoice veryLate = invoices.issue(new Invoices.Issue(cluster, "D-3-" + cluster, null,
                "ТОВ «Давня»", "14360570", "Внесок", new BigDecimal("3000"), AppClock.today().minusDays(120), "uk"));
        Invoices.Invoice paid = invoices.issue(new Invoices.Issue(cluster, "D-4-" + cluster, null, "ТОВ «Сплачена»",
                "14360570", "Внесок", new BigDecimal("4000"), AppClock.today().minusDays(10), "uk"));
        Invoices.Invoice cancelled = invoices.issue(new Invoices.Issue(cluster, "D-5-" + cluster, null,
                "ТОВ «Скасована»", "14360570", "Внесок", new BigDecimal("5000"), AppClock.today().minusDays(10), "uk"));
        invoices.paid(paid.businessKey(), AppClock.today(), "ПД-1");
        invoices.cancel(cancelled.businessKey());
        invoices.recordPayment(veryLate.id(), new BigDecimal("1000"), AppClock.today(), "ПД-2", "Ольга Рахункова");
        cases.insert(new CaseRecord(late.businessKey(), cluster, "MembershipRenewal", "Внесок", "INVOICED", null,
                "olena", AppClock.now(), null));
        cases.addEvent(late.businessKey(), null, "reminder", "dues");
        cases.addEvent(late.businessKey(), null, "reminder", "review");
        cases.addEvent(late.businessKey(), null, "reminder", "dues");
        assertThat(cancelled.number()).isEqualTo(paid.number() + 1).as("a cancelled invoice keeps its number");

        var page = org.jsoup.Jsoup.parse(mvc.perform(get("/members/debtors").param("cluster", cluster)
                        .with(as(cluster + "-coordinator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#debts tr[data-invoice]").eachAttr("data-invoice")).containsExactly(
                String.valueOf(veryLate.id()), String.valueOf(late.id()), String.valueOf(notDue.id()));
        assertThat(page.select("tr[data-invoice=" + late.id() + "]").attr("data-age")).isEqualTo("upTo90");
        assertThat(page.select("tr[data-invoice=" + veryLate.id() + "]").attr("data-age")).isEqualTo("over90");
        assertThat(page.select("#debt-totals dd[data-age=notDue]").text().replace('\u00a0', ' ')).isEqualTo("1 000,00 UAH");
        assertThat(page.select("#debt-totals dd[data-age=upTo30]").text().replace('\u00a0', ' ')).isEqualTo("0,00 UAH");
        assertThat(page.text()).contains("Заявник").doesNotContain("ТОВ «Сплачена»", "ТОВ «Скасована»");
        assertThat(page.select("tr[data-invoice=" + late.id() + "] [data-reminders]").attr("data-reminders"))
                .as("the dues reminders, not the review's").isEqualTo("2");
        assertThat(page.select("tr[data-invoice=" + veryLate.id() + "]").text().replace('\u00a0', ' '))
                .contains("2 000,00 UAH", "з 3 000,00 UAH");

        byte[] book = mvc.perform(get("/members/debtors.xlsx").param("cluster", cluster)
                        .with(as(cluster + "-coordinator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("ТОВ «Давня»");
            assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).as("what is outstanding").isEqualTo(2000.0);
            assertThat(sheet.getRow(4).getCell(7).getNumericCellValue()).as("reminders").isEqualTo(2.0);
            assertThat(sheet.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(120.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
        }
        mvc.perform(get("/members/debtors").param("cluster", cluster).with(as("olena")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/members/debtors").with(as("nadia"))).andExpect(status().isForbidden());
    }

    private Invoices.Invoice issue(String cluster, String key, Long organisationId, String language) {
        return invoices.issue(new Invoices.Issue(cluster, key, organisationId, "ТОВ «Рахункова»", "14360570",
                "Членський внесок за 2026/2027 р.", new BigDecimal("12000.00"), AppClock.today().plusDays(30),
                language));
    }
}
