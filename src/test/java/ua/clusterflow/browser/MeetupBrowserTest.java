package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.meetup.process.MeetupProcess;

/**
 * A technology meetup clicked through in headless Chromium: a member proposes a topic, the
 * coordinator plans, approves and shortlists experts, the experts accept from their mails, guests
 * register on the public page until the waiting list starts, and after the date the outcome is
 * recorded and the report's PDF downloads. Walked in Ukrainian on a desktop and in English at a phone's width; screenshots go to
 * {@code target/screenshots/meetup/uk/} and {@code en/}.
 */
class MeetupBrowserTest extends IntegrationTest {

    private static final Pattern EXPERT_LINK = Pattern.compile("href=\"[^\"]*(/expert/[^\"?]+)\\?answer=accept\"");

    @BeforeEach
    void startAtNoon() {
        startAtNoonInKyiv();
    }

    @LocalServerPort int port;
    @Autowired MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en"})
    void aMemberProposesTheExpertsComeTheGuestsRegisterAndTheReportGoesOut(String language) throws Exception {
        String segment = "CAD у машинобудуванні";
        try (Browser browser = Browser.walking(port, "meetup", language)) {
            browser.login("nadia", "demo");
            browser.open("/meetups/propose?cluster=kharkiv");
            browser.type("segment", segment);
            browser.type("challenge", "Як перейти з 2D-креслень на 3D-моделі без зупинки виробництва");
            browser.select("format", "hybrid");
            browser.date("windowFrom", AppClock.today().plusDays(10).toString());
            browser.date("windowTo", AppClock.today().plusDays(30).toString());
            browser.screenshot("proposal");
            browser.click(By.id("submit-meetup"));
            String reference = browser.currentUrl().replaceAll(".*/cases/", "");
            assertThat(reference).startsWith("MEE-");

            browser.login("olena", "demo");
            browser.openTask(reference);
            browser.date("meetupDate", AppClock.today().plusDays(20).toString());
            browser.type("startTime", "10:00");
            browser.type("durationHours", "3");
            browser.type("venue", "Харків, ХПІ, корпус У2");
            browser.type("onlineLink", "https://meet.example.com/cad");
            browser.type("capacityOffline", "2");
            browser.type("capacityOnline", "1");
            browser.type("budget", "8000");
            browser.screenshot("plan");
            browser.click(By.id("complete"));
            browser.openTask(reference);
            browser.check("approvalDecision", "approve");
            browser.click(By.id("complete"));
            browser.openTask(reference);
            String[][] experts = {{"Ірина Бізнес", "business"}, {"Олег Університет", "university"}, {"Марко ІТ", "it"}};
            for (int i = 0; i < experts.length; i++) {
                browser.type("expert" + (i + 1) + "Name", experts[i][0]);
                browser.type("expert" + (i + 1) + "Email", "cad-expert" + i + "-" + language + "@example.com");
                browser.select("expert" + (i + 1) + "Language", language);
                browser.select("expert" + (i + 1) + "Category", experts[i][1]);
            }
            browser.screenshot("shortlist");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));

            browser.logout();
            for (int i = 0; i < experts.length; i++) {
                browser.open(expertLink("cad-expert" + i + "-" + language + "@example.com") + "?answer=accept");
                if (i == 0) {
                    browser.screenshot("expert-invitation");
                }
                browser.click(By.id("expert-accept"));
                browser.find(By.id("expert-done"));
            }

            for (String guest : List.of("Гість Перший", "Гість Другий", "Гість Третій")) {
                browser.open("/meetups/" + reference);
                browser.type("name", guest);
                browser.type("email", guest.replace(' ', '.').toLowerCase().replace("гість", "guest") + "-" + language + "@example.com");
                browser.check("mode", "offline");
                browser.check("consent", "true");
                browser.check("consent", "true");
            browser.click(By.id("register"));
                browser.find(By.cssSelector(".flash.ok"));
            }
            assertThat(browser.text(By.cssSelector(".flash.ok"))).isEqualTo(browser.message(messages, "meetup.registered.WAITING"));
            assertThat(browser.text(By.cssSelector("li[data-mode='offline']"))).contains(browser.message(messages, "meetup.waitingList", 1));
            browser.screenshot("public-page-waiting-list");

            // a guest who joins online finds the link in the mail, in the calendar entry and on their own page
            browser.open("/meetups/" + reference);
            browser.find(By.id("online-link-notice"));
            browser.type("name", "Онлайн Гостя");
            browser.type("email", "online.guest-" + language + "@example.com");
            browser.check("mode", "online");
            browser.check("consent", "true");
            browser.click(By.id("register"));
            browser.find(By.cssSelector(".flash.ok"));
            var confirmation = mailsTo("online.guest-" + language + "@example.com").get(0);
            String mail = body(confirmation);
            assertThat(mail).contains("href=\"https://meet.example.com/cad\"").doesNotContain("корпус У2");
            assertThat(attachment(confirmation)).contains("LOCATION:https://meet.example.com/cad")
                    .contains("ORGANIZER");
            Matcher guestPage = GUEST_LINK.matcher(mail);
            assertThat(guestPage.find()).isTrue();
            browser.open(guestPage.group(1));
            assertThat(browser.find(By.cssSelector("#registration-where a")).getAttribute("href"))
                    .isEqualTo("https://meet.example.com/cad");
            browser.screenshot("online-guest-page");

            var pi = instance(reference, MeetupProcess.KEY);
            moveClock(Duration.ofDays(20));
            fireTimer(pi.getId(), MeetupProcess.TIMER_DAY_BEFORE);

            // at the door, from the coordinator's phone in the English run: two of the three confirmed guests found by name
            // and checked in (the third joins online)
            browser.login("olena", "demo");
            browser.open("/meetups");
            browser.click(By.id("attendees-" + reference));
            browser.type("q", "Перший");
            browser.click(By.id("find-attendee"));
            browser.click(By.cssSelector("button[id^='check-in-']"));
            assertThat(browser.text(By.cssSelector(".flash.ok")))
                    .isEqualTo(browser.message(messages, "meetup.attendees.checkedInNow"));
            // the second shows the QR code of their confirmation, which the coordinator's phone opens
            String doorLink = decodedQr(mailsTo("guest.другий-" + language + "@example.com").get(0));
            browser.open(doorLink.substring(doorLink.indexOf("/meetups/")));
            assertThat(browser.text(By.id("door-name"))).isEqualTo("Гість Другий");
            browser.screenshot("guest-at-the-door");
            browser.click(By.id("door-check-in"));
            assertThat(browser.text(By.cssSelector(".flash.ok")))
                    .isEqualTo(browser.message(messages, "meetup.attendees.checkedInNow"));
            browser.type("q", "");
            browser.click(By.id("find-attendee"));
            assertThat(browser.text(By.id("checked-in-count")))
                    .isEqualTo(browser.message(messages, "meetup.attendees.count", 2, 3));
            browser.screenshot("attendees-at-the-door");
            moveClock(Duration.ofDays(1));
            fireTimer(pi.getId(), MeetupProcess.TIMER_MEETUP_OVER);

            browser.login("olena", "demo");
            browser.openTask(reference);
            browser.type("attendance", "3");
            browser.type("summary", "Домовились про спільну бібліотеку 3D-компонентів");
            browser.type("agendaItems", "Бібліотека компонентів\nНавчання конструкторів");
            browser.type("followUps", "Створити репозиторій — Марко ІТ");
            browser.screenshot("outcome");
            browser.click(By.id("complete"));
            browser.find(By.cssSelector(".flash.ok"));
            runQueuedSteps(reference);

            try (var pdf = Loader.loadPDF(browser.download("/meetups/" + reference + "/report.pdf"))) {
                assertThat(new PDFTextStripper().getText(pdf)).contains(segment).contains("Бібліотека компонентів")
                        .contains(browser.message(messages, "report.meetup.checkedIn") + ": 2");
            }
            browser.open("/meetups");
            browser.screenshot("meetups-list");
        }
    }


    private static final Pattern GUEST_LINK = Pattern.compile("href=\"[^\"]*(/meetups/registrations/[^\"]+)\"");


    private String expertLink(String email) {
        Matcher matcher = EXPERT_LINK.matcher(body(mailsTo(email).get(0)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
