package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;

/**
 * A coordinator brings in the members the cluster already has, clicked through in headless Chromium: uploads the
 * register, sees the dry run with a row's problem beside its cell, corrects the row in place, imports, and finds the
 * members in the register. Screenshots go to {@code target/screenshots/member-import/uk/}.
 */
class MemberImportBrowserTest extends IntegrationTest {

    @LocalServerPort int port;

    @Test
    void aCoordinatorImportsARegisterFixesARowAndSeesTheMembersInTheRegister() throws Exception {
        String first = newEdrpou();
        String second = newEdrpou();
        String third = newEdrpou();
        Path file = Files.createTempDirectory("import").resolve("реєстр.csv");
        Files.writeString(file, "Назва;ЄДРПОУ;Категорія;Регіон;Кількість працівників;Контактна особа;E-mail контакту;"
                + "Мова;Дата вступу;Сплачено до\n"
                + "ТОВ «Браузер Один»;" + first + ";МСП;Харківська;20;Ольга Перша;b1-" + first + "@example.com;uk;"
                + "01.02.2024;01.02.2027\n"
                + "ТОВ «Браузер Два»;" + second + ";Університет;;300;Петро Другий;;;01.03.2024;01.03.2027\n"
                + "ТОВ «Браузер Три»;" + third + ";Startup;;5;Іра Третя;b3-" + third + "@example.com;en;"
                + "01.04.2024;01.04.2027\n", StandardCharsets.UTF_8);

        try (Browser browser = Browser.walking(port, "member-import", "uk")) {
            browser.login("olena", "demo");
            browser.open("/members");
            browser.screenshot("register");
            browser.click(By.id("import"));
            browser.screenshot("upload");
            browser.attach("file", file);
            browser.click(By.id("check-file"));

            assertThat(browser.find(By.id("summary")).getAttribute("data-problems")).isEqualTo("1");
            assertThat(browser.text(By.id("e-3-contactEmail"))).startsWith("Немає e-mail контактної особи");
            browser.screenshot("dry-run");
            browser.phoneSize();
            browser.screenshot("dry-run-phone");
            browser.usualSize();

            WebElement email = browser.find(By.cssSelector("#row-3 input[name='contactEmail']"));
            email.sendKeys("b2-" + second + "@example.com");
            browser.click(By.id("fix-button-3"));
            assertThat(browser.find(By.id("summary")).getAttribute("data-good")).isEqualTo("3");
            assertThat(browser.pageSource()).doesNotContain("id=\"e-3-contactEmail\"");

            browser.click(By.id("run-import"));
            assertThat(browser.text(By.cssSelector(".flash.ok"))).startsWith("Перенесено учасників: 3");
            browser.screenshot("imported");

            browser.open("/members?status=CURRENT");
            String register = browser.text(By.id("register"));
            assertThat(register).contains("ТОВ «Браузер Один»", "ТОВ «Браузер Два»", "ТОВ «Браузер Три»")
                    .contains("b2-" + second + "@example.com").contains("01.03.2027");
            browser.phoneSize();
            browser.screenshot("register-phone");
        }
        assertThat(subjectsTo("b3-" + third + "@example.com")).containsExactly(
                "Invitation to ClusterFlow: Харківський ІАМ-кластер");
    }
}
