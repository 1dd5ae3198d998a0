package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;

/**
 * A board role handed out in headless Chromium: the chair proposes, the nominee accepts, the
 * five board members vote (one abstains), and the registry shows the new holder.
 * Walked in Ukrainian on a desktop and in English at a phone's width; screenshots go to
 * {@code target/screenshots/roles/uk/} and {@code en/}.
 */
class RoleBrowserTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en"})
    void theChairHandsTheExportMarketingRoleToAPartnersContact(String language) throws Exception {
        try (Browser browser = Browser.walking(port, "roles", language)) {
            browser.login("petro", "demo");
            browser.open("/roles?cluster=kharkiv");
            browser.screenshot("registry-before");
            browser.click(By.id("propose-role"));
            browser.select("roleCode", "export-marketing");
            browser.select("nominee", "nadia");
            browser.type("responsibilities", "Торгові місії, участь у виставках, каталог експортних пропозицій");
            browser.type("expectedResults", "Дві торгові місії на рік");
            browser.type("hoursPerMonth", "12");
            browser.date("termStart", AppClock.today().toString());
            browser.date("termEnd", AppClock.today().plusYears(2).toString());
            browser.screenshot("proposal");
            browser.click(By.id("submit-proposal"));
            String reference = browser.currentUrl().replaceAll(".*/cases/", "");
            assertThat(reference).startsWith("ROLE-");

            browser.login("nadia", "demo");
            browser.openTask(reference);
            browser.check("nominationAnswer", "accept");
            browser.screenshot("nomination");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            Map<String, String> votes = new LinkedHashMap<>();
            votes.put("taras", "abstain");
            votes.put("petro", "approve");
            votes.put("iryna", "approve");
            votes.put("andriy", "reject");
            votes.put("maria", "approve");
            for (Map.Entry<String, String> vote : votes.entrySet()) {
                browser.login(vote.getKey(), "demo");
                browser.openTask(reference);
                browser.check("vote", vote.getValue());
                if ("reject".equals(vote.getValue())) {
                    browser.type("voteComment", "Спершу потрібен план експорту");
                }
                browser.click(By.id("complete"));
                browser.find(By.cssSelector(".flash.ok"));
            }
            browser.open("/board");
            browser.screenshot("board-page");

            browser.open("/roles?cluster=kharkiv");
            String holder = browser.text(By.cssSelector("tr[data-role='export-marketing'] .holder"));
            assertThat(holder).isEqualTo("Надія Олійник");
            browser.screenshot("registry-after");

            browser.open("/dashboard?cluster=kharkiv");
            browser.find(By.cssSelector("[data-chart='members']"));
            assertThat(browser.text(By.id("maturity-stage"))).isNotBlank();
            browser.screenshot("dashboard");
        }
    }

}
