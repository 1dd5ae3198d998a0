package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/**
 * A task delegated in headless Chromium: the coordinator hands the review to a board member with a note, the board
 * member reads the note and answers, and the coordinator finds the answer filled in and completes the task with it.
 * Walked in Ukrainian on a desktop and in English at a phone's width; screenshots go to
 * {@code target/screenshots/delegation/uk/} and {@code en/}.
 */
class DelegationBrowserTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en"})
    void theNoteReachesTheDelegateAndTheirDecisionComesBackToTheOwner(String language) throws Exception {
        String applicant = "delegated-" + language + "@example.com";
        OnboardingApplication app = apply("kharkiv", "ТОВ «Делегована перевірка»", newEdrpou(), applicant);
        try (Browser browser = Browser.walking(port, "delegation", language)) {
            browser.login("olena", "demo");
            browser.openTask(app.reference());
            browser.click(By.cssSelector("form[action$='/claim'] button[type=submit]"));
            browser.openTask(app.reference());
            browser.click(By.xpath("//summary[normalize-space()='" + browser.message(messages, "task.delegate") + "']"));
            browser.select("delegate", "petro");
            browser.type("note", "Перевірте, будь ласка, чи є витяг з ЄДР");
            browser.screenshot("owner-delegates");
            browser.click(By.cssSelector("form[action$='/delegate'] button[type=submit]"));

            browser.login("petro", "demo");
            browser.openTask(app.reference());
            assertThat(browser.text(By.id("delegation-note"))).contains("Перевірте, будь ласка, чи є витяг з ЄДР");
            browser.check("reviewDecision", "moreInfo");
            browser.type("reviewComment", "Витягу немає, попросіть його");
            browser.screenshot("delegate-answers");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            browser.login("olena", "demo");
            browser.openTask(app.reference());
            browser.find(By.id("delegation-answer"));
            WebElement moreInfo = browser.find(By.cssSelector("input[name='reviewDecision'][value='moreInfo']"));
            assertThat(moreInfo.isSelected()).isTrue();
            assertThat(browser.find(By.name("reviewComment")).getAttribute("value")).isEqualTo("Витягу немає, попросіть його");
            browser.screenshot("owner-reviews-the-answer");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));
        }
        BpmnAwareTests.assertThat(instance(app.reference(), OnboardingProcess.KEY))
                .isWaitingAt(OnboardingProcess.TASK_AWAIT_AMENDMENT);
        assertThat(mailsTo(applicant).stream().map(IntegrationTest::body))
                .anyMatch(text -> text.contains("Витягу немає, попросіть його"));
    }
}
