package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;

/**
 * A grant application clicked through in headless Chromium: the member drafts it with an
 * attachment and submits; the coordinator screens it and assigns a reviewer; the reviewer scores
 * it from the mailed link without an account; the board supports it; the letter of support
 * downloads and names the organisation; the member records the submission and the funded outcome.
 * Walked in Ukrainian on a desktop and in English at a phone's width; screenshots go to
 * {@code target/screenshots/grant/uk/} and {@code en/}.
 */
class GrantBrowserTest extends IntegrationTest {

    private static final Pattern REVIEW_LINK = Pattern.compile("href=\"[^\"]*(/review/[^\"]+)\"");

    @LocalServerPort int port;
    @Autowired MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en"})
    void aMemberGoesForACallWithTheClustersSupportAndIsFunded(String language) throws Exception {
        Path attachment = Files.createDirectories(Path.of("target", "fixtures")).resolve("concept-note.pdf");
        Files.write(attachment, "%PDF-1.4\n% concept note\n".getBytes());
        String title = "Цифровий двійник зварювальної лінії";
        try (Browser browser = Browser.walking(port, "grant", language)) {
            browser.login("nadia", "demo");
            browser.open("/grants");
            browser.click(By.id("new-grant"));
            String reference = browser.currentUrl().replaceAll(".*/(GRA-\\d+)/edit.*", "$1");
            browser.select("programme", "smp");
            browser.type("callId", "SMP-COSME-2027-CLUSTERS");
            browser.date("callDeadline", AppClock.today().plusDays(45).toString());
            browser.type("title", title);
            browser.type("summary", "Цифровий двійник лінії зварювання для МСП кластера");
            browser.type("requestedBudget", "-1");
            browser.type("partnerName0", "Politechnika Łódzka");
            browser.select("partnerCountry0", "PL");
            browser.type("partnerRole0", "Research partner");
            browser.attach("attachments", attachment);
            browser.click(By.id("save-draft"));
            assertThat(browser.text(By.id("e-requestedBudget"))).isEqualTo(browser.message(messages, "grant.error.positive"));
            browser.screenshot("draft-errors");
            browser.type("requestedBudget", "450000");
            browser.attach("attachments", attachment);
            browser.click(By.id("save-draft"));
            browser.find(By.cssSelector(".flash.ok"));
            browser.screenshot("draft-saved");
            browser.click(By.id("submit-grant"));
            assertThat(browser.find(By.cssSelector("tr[data-case='" + reference + "']")).getText())
                    .contains(browser.message(messages, "status.SCREENING"));
            browser.screenshot("my-applications");

            browser.login("olena", "demo");
            browser.openTask(reference);
            assertThat(browser.pageSource()).contains(browser.message(messages, "grant.advice"));
            browser.check("screeningDecision", "accept");
            browser.screenshot("screening");
            browser.click(By.id("complete"));
            browser.openTask(reference);
            browser.type("reviewer1Name", "Ірина Зовнішня");
            browser.type("reviewer1Email", "browser-reviewer-" + language + "@example.com");
            browser.select("reviewer1Language", language);
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            browser.logout();
            browser.open(reviewLink("browser-reviewer-" + language + "@example.com"));
            browser.select("excellence", "4");
            browser.select("impact", "4");
            browser.select("implementation", "4");
            browser.type("comment", "Переконлива ідея, сильний партнер з Польщі");
            browser.screenshot("review");
            browser.click(By.id("submit-review"));
            browser.find(By.id("review-done"));

            for (String voter : List.of("petro", "iryna", "andriy")) {
                browser.login(voter, "demo");
                browser.openTask(reference);
                browser.check("vote", "approve");
                browser.click(By.id("complete"));
                browser.find(By.cssSelector(".flash.ok"));
            }

            runQueuedSteps(reference);
            browser.login("nadia", "demo");
            browser.open("/cases/" + reference);
            String letterHref = browser.find(By.partialLinkText("letter-of-support")).getAttribute("href");
            browser.find(By.cssSelector("#diagram[data-ready='true']"));
            browser.screenshot("case-with-letter");
            try (var pdf = Loader.loadPDF(browser.download(letterHref))) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("ТОВ «Промавтоматика»").contains(title);
            }

            browser.openTask(reference);
            browser.type("submissionReference", "SEP-2110045678");
            browser.screenshot("record-submission");
            browser.click(By.id("complete"));
            browser.openTask(reference);
            browser.check("outcome", "funded");
            browser.type("amountGranted", "420000");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            browser.open("/cases/" + reference);
            assertThat(browser.text(By.id("case-status"))).isEqualTo(browser.message(messages, "status.FUNDED"));
            browser.screenshot("funded");
        }
    }


    private String reviewLink(String reviewer) {
        Matcher matcher = REVIEW_LINK.matcher(body(mailsTo(reviewer).get(0)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
