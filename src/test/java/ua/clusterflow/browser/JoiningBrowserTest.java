package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;

/**
 * Someone with an account in another cluster is invited to Kharkiv's board, clicked through in headless Chromium: the
 * coordinator invites them by address, they follow the mail's link, sign in, read what is asked and accept; only then
 * are they of Kharkiv's board. Walked in Ukrainian on a desktop and in English at a phone's width; screenshots go to
 * {@code target/screenshots/joining/uk/} and {@code en/}.
 */
class JoiningBrowserTest extends IntegrationTest {

    private static final Pattern JOINING = Pattern.compile("href=\"[^\"]*(/joining)\"");

    @LocalServerPort int port;
    @Autowired MessageSource messages;
    @Autowired ClusterDirectory directory;

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en"})
    void anAccountFromAnotherClusterJoinsTheBoardOnlyWhenItAccepts(String language) throws Exception {
        String outsider = "joining-" + language + "-" + System.nanoTime() % 1_000_000;
        directory.createPerson(outsider, "Зоя", "Запорізька", outsider + "@example.com", language, "right-password-1");
        directory.grant(outsider, "zaporizhzhia", Role.BOARD);
        try (Browser browser = Browser.walking(port, "joining", language)) {
            browser.login("olena", "demo");
            browser.open("/staff?cluster=kharkiv");
            browser.type("firstName", "Зоя");
            browser.type("lastName", "Запорізька");
            browser.type("email", outsider + "@example.com");
            browser.click(By.cssSelector("#invite-form input[name='roles'][value='BOARD']"));
            browser.screenshot("invite");
            browser.click(By.id("invite"));
            browser.find(By.cssSelector(".flash.ok"));
            assertThat(directory.rolesOf(outsider)).doesNotContainKey("kharkiv");

            String link = null;
            for (MimeMessage mail : mailsTo(outsider + "@example.com")) {
                Matcher found = JOINING.matcher(body(mail));
                if (found.find()) {
                    link = found.group(1);
                }
            }
            assertThat(link).as("the invitation's link").isNotNull();
            browser.logout();
            browser.open(link);
            browser.type("username", outsider);
            browser.type("password", "right-password-1");
            browser.click(By.id("login-submit"));
            browser.find(By.cssSelector("[data-joining]"));
            assertThat(browser.text(By.cssSelector("[data-joining] p"))).contains("Харків").contains(
                    browser.message(messages, "role.BOARD"));
            browser.screenshot("invitation");
            browser.click(By.cssSelector("[data-joining] button[value=accept]"));
            assertThat(browser.text(By.cssSelector(".flash.ok"))).isEqualTo(browser.message(messages, "joining.accepted"));
            browser.find(By.id("no-joinings"));
            browser.screenshot("accepted");
            assertThat(directory.rolesOf(outsider).get("kharkiv")).contains(Role.BOARD);
        } finally {
            directory.revoke(outsider, "kharkiv", Role.BOARD);
        }
    }
}
