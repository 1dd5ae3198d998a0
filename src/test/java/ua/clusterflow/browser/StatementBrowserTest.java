package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.books.StatementFiles;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.membership.MembershipService;
import ua.clusterflow.membership.process.MembershipProcess;

/**
 * The coordinator books the bank's statement in headless Chromium: from the debtors page to the statements, the
 * camt.053 file uploaded, its line matched by the invoice's number, booked; the debtor is gone from the debtors page.
 * The member's contact then finds the invoice paid on the organisation's page and downloads it.
 * Screenshots go to {@code target/screenshots/statement/}.
 */
class StatementBrowserTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired ClusterDirectory directory;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired MembershipService membership;
    @Autowired Invoices invoices;

    @Test
    void aStatementIsUploadedItsLineBookedTheDebtorGoneAndTheMemberDownloadsItsPaidInvoice() throws Exception {
        startAtNoonInKyiv();
        String suffix = Long.toString(System.nanoTime(), 36);
        String contact = "payer-" + suffix;
        directory.createPerson(contact, "Поліна", "Платниця", contact + "@example.com", "uk", "right-password-1");
        directory.grant(contact, "kharkiv", Role.MEMBER);
        long org = organisations.insert(new MemberOrganisation(null, "kharkiv", "ТОВ «Виписка " + suffix + "»",
                newEdrpou(), "sme", "automation", 20, "Харківська", "Автоматизація", null, contact, null, null, null));
        String key = membership.openYear(org, AppClock.today().plusDays(10));
        moveClock(Duration.ofDays(10));
        fireTimer(instance(key, MembershipProcess.KEY).getId(), MembershipProcess.TIMER_RENEWAL_DATE);
        Invoices.Invoice invoice = invoices.ofCase(key).orElseThrow();
        Path file = Files.createTempDirectory("statement").resolve("camt053.xml");
        Files.write(file, StatementFiles.camt053(List.of(StatementFiles.Entry.credit(AppClock.today(),
                invoice.amount().toPlainString(), invoice.payerName(), invoice.payerCode(),
                "Членський внесок, рах. № " + invoice.printed(), "BR-" + suffix))));

        try (Browser browser = Browser.walking(port, "statement", "uk")) {
            browser.login("olena", "demo");
            browser.open("/members/debtors");
            assertThat(browser.findAll(By.cssSelector("tr[data-invoice='" + invoice.id() + "']"))).hasSize(1);
            browser.click(By.id("debtors-statements"));
            browser.attach("file", file);
            browser.click(By.id("check-statement"));
            assertThat(browser.find(By.id("line-1")).getAttribute("data-kind")).isEqualTo("BY_NUMBER");
            assertThat(browser.text(By.id("line-1"))).contains(invoice.printed(), "сплачено повністю");
            browser.screenshot("dry-run");
            browser.phoneSize();
            assertThat(browser.overflow()).as("the dry run on a phone").isZero();
            browser.screenshot("dry-run-phone");
            browser.usualSize();
            browser.click(By.id("book-lines"));
            assertThat(browser.text(By.cssSelector(".flash.ok"))).isEqualTo("Проведено рядків: 1; рахунків сплачено: 1.");
            assertThat(browser.find(By.id("line-1")).getAttribute("data-kind")).isEqualTo("DUPLICATE");
            browser.open("/members/debtors");
            assertThat(browser.findAll(By.cssSelector("tr[data-invoice='" + invoice.id() + "']"))).isEmpty();
            browser.screenshot("debtors-after");
            browser.logout();

            browser.login(contact, "right-password-1");
            browser.open("/members/" + org);
            assertThat(browser.find(By.cssSelector("#invoices [data-invoice-state]")).getAttribute("data-invoice-state"))
                    .isEqualTo("paid");
            assertThat(browser.text(By.cssSelector("#invoices [data-invoice-state]"))).startsWith("сплачено");
            browser.phoneSize();
            browser.screenshot("member-invoice-phone");
            byte[] pdf = browser.download("/invoices/" + invoice.id());
            assertThat(pdfText(pdf)).contains(invoice.printed());
        }
        assertThat(completedByOlena(key)).isEqualTo(1);
    }

    private long completedByOlena(String key) {
        return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(MembershipProcess.TASK_CONFIRM_DUES).taskAssignee("olena").finished().count();
    }
}
