package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;

/**
 * A board's question in headless Chromium, from its proposal to the minutes and on to its next step: a board member
 * puts it with its document, three colleagues vote in their task lists, the proposer writes the outcome statement, the
 * register finds it, and the next step goes to its owner, who reports it done. Walked in Ukrainian on a desktop and in
 * English at a phone's width; screenshots go to {@code target/screenshots/motion/uk/} and {@code en/}.
 */
class MotionBrowserTest extends IntegrationTest {

    @LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en"})
    void aQuestionPutToTheBoardEndsInTheMinutesAndItsNextStepWithItsOwner(String language) throws Exception {
        String word = "Виставка" + UUID.randomUUID().toString().substring(0, 6);
        Path document = Files.createTempFile("budget", ".pdf");
        Files.write(document, "%PDF-1.4\n% exhibition budget\n".getBytes());
        String key;
        try (Browser browser = Browser.walking(port, "motion", language)) {
            browser.login("iryna", "demo");
            browser.open("/board");
            browser.click(By.id("new-motion-kharkiv"));
            browser.type("question", "Участь у " + word);
            browser.type("motionText", "Стенд на 12 м², бюджет 40 000 грн");
            browser.date("closesOn", AppClock.today().plusDays(5).toString());
            browser.type("closesAtTime", "17:30");
            browser.attach("document", document);
            browser.screenshot("motion-form");
            browser.click(By.id("submit-motion"));
            browser.find(By.cssSelector(".flash.ok"));
            key = browser.text(By.cssSelector("h1 small"));
            assertThat(key).startsWith("MOT-");

            for (String voter : new String[] {"petro", "andriy", "maria"}) {
                browser.login(voter, "demo");
                browser.openTask(key);
                browser.check("vote", "approve");
                browser.click(By.id("complete"));
                browser.find(By.cssSelector(".flash.ok"));
            }

            browser.login("iryna", "demo");
            browser.openTask(key);
            browser.type("outcomeStatement", "Беремо участь у " + word + "; стенд замовляє Андрій");
            browser.screenshot("statement");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            browser.open("/board");
            browser.type("q", word);
            browser.click(By.id("register-find"));
            assertThat(browser.text(By.cssSelector("tr[data-vote]"))).contains("Беремо участь у " + word);
            browser.screenshot("register");
            browser.click(By.cssSelector("tr[data-vote] a"));
            assertThat(browser.text(By.id("vote-statement"))).contains("стенд замовляє Андрій");
            assertThat(browser.text(By.id("vote-documents"))).contains(".pdf");
            browser.click(By.id("add-next-step"));
            browser.type("action", "Замовити стенд для " + word);
            browser.select("owner", "andriy");
            browser.date("dueOn", AppClock.today().plusDays(10).toString());
            browser.screenshot("next-step");
            browser.click(By.id("submit-follow-up"));
            browser.find(By.cssSelector(".flash.ok"));
            String followUp = browser.text(By.cssSelector("h1 small"));
            assertThat(followUp).startsWith("FUP-");

            browser.login("andriy", "demo");
            browser.openTask(followUp);
            browser.type("followUpOutcome", "Стенд замовлено");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            browser.login("olena", "demo");
            browser.open("/follow-ups");
            assertThat(browser.text(By.cssSelector("tr[data-follow-up='" + followUp + "']"))).contains("Замовити стенд для " + word);
            browser.screenshot("follow-ups");
        }
        assertThat(subjectsTo("taras@clusterflow.local")).anyMatch(s -> s.contains(word));
        assertThat(jdbc.sql("select status from follow_up where action = ?").param("Замовити стенд для " + word)
                .query(String.class).single()).isEqualTo("DONE");
    }
}
