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

    /**
     * A register exported from the cluster's own spreadsheet (its own headers, a number column and a phone, no
     * category or dates, a formula for a name): the columns are guessed and confirmed, one category and the dates are
     * given for every row, the dry run fits a laptop's screen, the formula is flagged and corrected, the import says
     * what it brought in, and a name is corrected afterwards on the organisation's page.
     */
    @Test
    void aRegisterWithItsOwnHeadersIsMappedAndAFormulaNameCorrected() throws Exception {
        String first = newEdrpou();
        String second = newEdrpou();
        Path file = Files.createTempDirectory("import").resolve("members-export.csv");
        Files.writeString(file, "№;Назва організації;Код ЄДРПОУ;E-mail;ПІБ контактної особи;Телефон\n"
                + "1;ТОВ «Експорт Один»;" + first + ";e1-" + first + "@example.com;Олесь Перший;+380501234567\n"
                + "2;=1+1;" + second + ";e2-" + second + "@example.com;Тетяна Друга;+380501234568\n",
                StandardCharsets.UTF_8);
        try (Browser browser = Browser.walking(port, "member-import-columns", "uk")) {
            browser.login("olena", "demo");
            browser.driverWindow(1366, 768);
            browser.open("/members/import");
            browser.attach("file", file);
            browser.click(By.id("check-file"));

            assertThat(browser.find(By.id("columns-form"))).isNotNull();
            assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("column-name")))
                    .getFirstSelectedOption().getText()).startsWith("Назва організації");
            assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("column-contactName")))
                    .getFirstSelectedOption().getText()).startsWith("ПІБ контактної особи");
            browser.find(By.id("same-category")).sendKeys("МСП");
            browser.find(By.id("same-headcount")).sendKeys("15");
            browser.find(By.id("same-joinedOn")).sendKeys("01.09.2024");
            browser.find(By.id("same-paidUntil")).sendKeys("01.09.2027");
            browser.screenshot("columns");
            assertThat(browser.overflow()).as("the columns page at 1366 px").isZero();
            browser.click(By.id("confirm-columns"));

            assertThat(browser.find(By.id("summary")).getAttribute("data-problems")).isEqualTo("1");
            assertThat(browser.text(By.id("e-3-name"))).startsWith("Схоже на формулу");
            assertThat(browser.overflow()).as("the dry run at 1366 px").isZero();
            browser.screenshot("dry-run");
            WebElement name = browser.find(By.cssSelector("#row-3 input[name='name']"));
            name.clear();
            name.sendKeys("ТОВ «Експорт Два»");
            browser.click(By.id("fix-button-3"));
            assertThat(browser.find(By.id("summary")).getAttribute("data-good")).isEqualTo("2");
            browser.click(By.id("run-import"));
            assertThat(browser.text(By.id("summary"))).isEqualTo("Прочитано рядків: 2; імпортовано: 2; не імпортовано: 0.");
            browser.screenshot("imported");

            long imported = jdbc.sql("select id from member_organisation where edrpou = ?").param(second)
                    .query(Long.class).single();
            browser.open("/members/" + imported);
            browser.click(By.id("edit-details"));
            WebElement corrected = browser.find(By.id("name"));
            corrected.clear();
            corrected.sendKeys("ТОВ «Експорт Два Плюс»");
            browser.click(By.id("save-details"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("ТОВ «Експорт Два Плюс»");
            assertThat(browser.text(By.id("history"))).contains("Виправлено відомості: ТОВ «Експорт Два» → ТОВ «Експорт Два Плюс»");
            browser.screenshot("details-corrected");

            // the first row was the same organisation: its record is merged into this one
            long twin = jdbc.sql("select id from member_organisation where edrpou = ?").param(first)
                    .query(Long.class).single();
            browser.click(By.id("merge-record"));
            browser.select("other", String.valueOf(twin));
            browser.type("reason", "Одна організація, два рядки реєстру");
            browser.screenshot("merge");
            browser.click(By.id("merge"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("ТОВ «Експорт Два Плюс»");
            assertThat(browser.text(By.id("history"))).contains("Об’єднано з іншим записом: ТОВ «Експорт Один»");
            assertThat(jdbc.sql("select count(*) from member_organisation where id = ?").param(twin).query(Long.class)
                    .single()).isZero();
        }
    }
}
