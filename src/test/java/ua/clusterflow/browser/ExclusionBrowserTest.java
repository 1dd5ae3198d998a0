package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.membership.MembershipService;

/**
 * A member excluded by the board and applying again, clicked through in headless Chromium: the coordinator puts the
 * exclusion with its grounds, each board member reads the question and its grounds on the ballot, one votes against
 * with a comment, the vote carries; the excluded member's contact is told the grounds (never the dissent), the
 * register names the question; then the former member applies like anyone else and the coordinator finds the
 * application to review. Screenshots go to {@code target/screenshots/exclusion/uk/}.
 */
class ExclusionBrowserTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired ClusterDirectory directory;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired MembershipService membership;

    @Test
    void theBoardExcludesOnTheGroundsItReadsAndTheFormerMemberAppliesAgain() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String contact = "excl-" + suffix;
        String name = "ТОВ «Виключна " + suffix + "»";
        String edrpou = newEdrpou();
        directory.createPerson(contact, "Євген", "Виключний", contact + "@example.com", "uk", null);
        directory.grant(contact, "kharkiv", Role.MEMBER);
        long org = organisations.insert(new MemberOrganisation(null, "kharkiv", name, edrpou, "sme", "it", 12,
                "Харківська", null, null, contact, null, null, null));
        membership.openYear(org, AppClock.today().plusMonths(6));
        String grounds = "Двічі не сплачено внесок " + suffix;

        try (Browser browser = Browser.walking(port, "exclusion", "uk")) {
            browser.login("olena", "demo");
            browser.open("/members/" + org);
            browser.type("grounds", grounds);
            browser.screenshot("propose");
            browser.click(By.id("propose-exclusion"));
            browser.find(By.id("exclusion-running"));

            String yearKey = MembershipService.businessKey(org, AppClock.today().plusMonths(6));
            for (String voter : new String[] {"iryna", "petro", "andriy", "maria"}) {
                browser.login(voter, "demo");
                browser.openTask(yearKey);
                assertThat(browser.text(By.id("vote-question"))).contains(name).contains(grounds);
                if ("iryna".equals(voter)) {
                    browser.screenshot("ballot");
                    browser.check("vote", "reject");
                    browser.type("voteComment", "Я проти: дамо ще місяць");
                } else {
                    browser.check("vote", "approve");
                }
                browser.click(By.id("complete"));
                browser.find(By.cssSelector(".flash.ok"));
                if (organisations.find(org).orElseThrow().status() == MembershipStatus.EXCLUDED) {
                    break;
                }
            }
            assertThat(organisations.find(org).orElseThrow().status()).isEqualTo(MembershipStatus.EXCLUDED);
            runQueuedSteps(yearKey);

            browser.login("olena", "demo");
            browser.open("/board");
            assertThat(browser.text(By.id("register"))).isNotBlank();
            assertThat(browser.pageSource()).contains("Виключити «" + name + "»");
            browser.screenshot("register");
            browser.open("/members/" + org);
            assertThat(browser.text(By.id("history"))).contains(grounds).doesNotContain("Я проти");

            // the former member applies again like anyone else
            browser.logout();
            browser.open("/apply/kharkiv");
            browser.type("organisationName", name);
            browser.type("edrpou", edrpou);
            browser.select("category", "sme");
            browser.check("sectors", "automation");
            browser.type("headcount", "12");
            browser.type("region", "Харківська");
            browser.type("contactName", "Євген Виключний");
            browser.type("contactEmail", contact + "@example.com");
            browser.type("offers", "Програмування ПЛК");
            browser.type("needs", "Замовники з машинобудування");
            browser.click(By.id("f-consent"));
            browser.click(By.id("submit-application"));
            assertThat(browser.text(By.id("applied-text"))).isNotBlank();
            assertThat(browser.pageSource()).doesNotContain("id=\"applied-duplicate\"");
            browser.screenshot("applied-again");
        }
        String excluded = mailsTo(contact + "@example.com").stream().filter(m -> subject(m).contains("иключ"))
                .map(IntegrationTest::body).findFirst().orElseThrow();
        assertThat(excluded).contains(grounds).doesNotContain("Я проти");
        assertThat(jdbc.sql("select count(*) from onboarding_application where edrpou = ? and status <> 'DUPLICATE'")
                .param(edrpou).query(Long.class).single()).isOne();
    }
}
