package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.onboarding.OnboardingApplication;

/**
 * The pages each kind of person opens, in English and at phone width, after switching the language (signing in
 * starts a new browser session, so each person switches anew): no raw message key anywhere. Screenshots go to {@code target/screenshots/english/}.
 */
class EnglishBrowserTest extends IntegrationTest {

    @LocalServerPort int port;

    @Test
    void everyPageOfTheCoordinatorTheMemberAndTheApplicantReadsInEnglish() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «English Reader»", newEdrpou(), "english@example.com");
        try (Browser browser = new Browser("http://localhost:" + port, "english")) {
            browser.open("/apply/kharkiv");
            browser.click(By.id("nav-lang"));
            assertEnglish(browser, "applicant-form");

            browser.login("olena", "demo");
            browser.click(By.id("nav-lang"));
            for (String page : List.of("/tasks", "/cases/" + app.reference(), "/board", "/meetups", "/grants",
                    "/dashboard", "/directory", "/roles", "/dashboard/records", "/audit", "/members/debtors",
                    "/books/statements", "/members/" + nadiasOrganisation() + "/merge", "/export-actions",
                    "/export-actions/new?cluster=kharkiv")) {
                browser.open(page);
                assertEnglish(browser, "coordinator" + page.replace('/', '-'));
            }
            // the task list's rows: every cell of a row as high as the row, the actions' cell among them
            browser.open("/tasks");
            List<WebElement> rows = browser.findAll(By.cssSelector("table.list tbody tr"));
            assertThat(rows).isNotEmpty();
            for (WebElement row : rows.subList(0, Math.min(3, rows.size()))) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                for (WebElement cell : cells) {
                    assertThat(cell.getRect().getY()).isEqualTo(cells.get(0).getRect().getY());
                    assertThat(cell.getRect().getHeight()).isEqualTo(cells.get(0).getRect().getHeight());
                }
            }
            browser.openTask(app.reference());
            assertEnglish(browser, "coordinator-task");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Review the membership application");

            browser.phoneSize();
            browser.login("nadia", "demo");
            browser.open("/lang?to=en&back=/tasks");
            for (String page : List.of("/tasks", "/meetups", "/grants", "/directory", "/export-actions")) {
                browser.open(page);
                assertEnglish(browser, "member-phone" + page.replace('/', '-'));
            }
            browser.desktopSize();
        }
    }

    @Test
    void theAdministratorsPagesReadInBothLanguagesAtAPhonesWidth() throws Exception {
        for (String language : List.of("uk", "en")) {
            try (Browser browser = Browser.walking(port, "administrator", language)) {
                browser.phoneSize();
                browser.login("admin", "demo");
                for (String page : List.of("/admin/clusters", "/admin/clusters/kharkiv", "/admin/people/petro/erase",
                        "/admin/mail", "/audit")) {
                    browser.open(page);
                    browser.find(By.cssSelector("html[lang='" + language + "']"));
                    assertThat(browser.pageSource()).as(page).doesNotContain("??");
                    browser.screenshot(page.replace("/admin/", "").replace('/', '-'));
                }
            }
        }
    }

    private long nadiasOrganisation() {
        return jdbc.sql("select organisation_id from organisation_person where user_id = 'nadia' limit 1")
                .query(Long.class).single();
    }

    private static void assertEnglish(Browser browser, String screenshot) throws Exception {
        browser.find(By.cssSelector("html[lang='en']"));
        assertThat(browser.pageSource()).as(screenshot).doesNotContain("??");
        browser.screenshot(screenshot);
    }
}
