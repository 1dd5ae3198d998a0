package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;

/**
 * A membership application from the public form to a member who logs in, clicked through in
 * headless Chromium: the applicant applies, the coordinator reviews, three board members vote,
 * the coordinator confirms the fee, the new member sets a password from the invitation mail.
 * Walked in Ukrainian on a desktop and in English at a phone's width; screenshots of each page go to
 * {@code target/screenshots/onboarding/uk/} and {@code en/}.
 */
class OnboardingBrowserTest extends IntegrationTest {

    private static final Pattern INVITATION = Pattern.compile("href=\"[^\"]*(/invitation/[^\"]+)\"");

    @LocalServerPort int port;
    @Autowired MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en"})
    void anOrganisationAppliesAndEndsUpAsAMemberWhoLogsIn(String language) throws Exception {
        String edrpou = newEdrpou();
        String email = "browser-member-" + language + "@example.com";
        try (Browser browser = Browser.walking(port, "onboarding", language)) {
            browser.open("/apply/kharkiv");
            browser.type("organisationName", "ТОВ «Браузерна автоматика»");
            browser.type("edrpou", "12345670");
            browser.select("category", "sme");
            browser.check("sectors", "automation");
            browser.type("headcount", "18");
            browser.type("region", "Харківська");
            browser.type("contactName", "Ганна Браузер");
            browser.type("contactEmail", email);
            browser.type("offers", "Програмування ПЛК");
            browser.type("needs", "Замовники з машинобудування");
            browser.screenshot("application-form");
            browser.click(By.id("submit-application"));
            assertThat(browser.text(By.id("e-edrpou"))).isEqualTo(browser.message(messages, "error.edrpou"));
            assertThat(browser.text(By.id("e-consent"))).isNotBlank();
            assertThat(browser.find(By.name("organisationName")).getAttribute("value"))
                    .isEqualTo("ТОВ «Браузерна автоматика»");
            browser.screenshot("application-errors");

            browser.type("edrpou", edrpou);
            browser.click(By.id("f-consent"));
            browser.click(By.id("submit-application"));
            String applied = browser.text(By.id("applied-text"));
            String reference = applied.replaceAll(".*(ONB-\\d+).*", "$1");
            assertThat(reference).startsWith("ONB-");
            browser.screenshot("application-submitted");

            browser.login("olena", "demo");
            browser.find(By.cssSelector("tr[data-case='" + reference + "']"));
            browser.screenshot("coordinator-task-list");
            browser.phoneSize();
            browser.screenshot("coordinator-task-list-phone");
            browser.usualSize();
            browser.openTask(reference);
            browser.check("reviewChecks", "registry");
            browser.check("reviewDecision", "accept");
            browser.screenshot("review-form");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            for (String voter : List.of("petro", "iryna", "andriy")) {
                browser.login(voter, "demo");
                browser.openTask(reference);
                browser.check("vote", "approve");
                browser.type("voteComment", "Підтримую");
                if ("petro".equals(voter)) {
                    browser.screenshot("board-vote");
                }
                browser.click(By.id("complete"));
                browser.find(By.cssSelector(".flash.ok"));
            }

            browser.login("olena", "demo");
            browser.openTask(reference);
            browser.check("paymentOutcome", "paid");
            browser.date("paidOn", AppClock.today().toString());
            browser.type("paymentReference", "ПД-1024");
            browser.screenshot("confirm-payment");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            browser.open("/cases/" + reference);
            assertThat(browser.text(By.id("case-status"))).isEqualTo(browser.message(messages, "status.MEMBER"));
            browser.find(By.cssSelector("#diagram[data-ready='true']"));
            browser.screenshot("case-page");

            String invitation = invitationPath(email);
            browser.open(invitation);
            browser.type("password", "short");
            browser.type("repeat", "short");
            browser.click(By.id("set-password"));
            assertThat(browser.text(By.id("e-password"))).isEqualTo(browser.message(messages, "invitation.password.short"));
            browser.type("password", "novyi-parol-2026");
            browser.type("repeat", "novyi-parol-2026");
            browser.screenshot("set-password");
            browser.click(By.id("set-password"));
            browser.find(By.id("login-submit"));
            browser.type("password", "novyi-parol-2026");
            browser.click(By.id("login-submit"));
            // the new member is signed in on its organisation's page (status, dues, people); the onboarding case (the
            // staff's side of it) is not among its cases
            browser.find(By.id("membership"));
            assertThat(browser.currentUrl()).contains("/members/");
            browser.screenshot("member-organisation");
            browser.open("/cases");
            browser.find(By.id("no-cases"));
        }
    }


    private String invitationPath(String email) {
        for (MimeMessage mail : mailsTo(email)) {
            Matcher matcher = INVITATION.matcher(body(mail));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No invitation mail to " + email);
    }
}
