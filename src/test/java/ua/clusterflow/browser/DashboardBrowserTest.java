package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.clusterflow.dashboard.ReportSheets.rowStartingWith;

import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.dashboard.Quarter;

/**
 * The coordinator records an export mission, opens the dashboard, sees its charts drawn, and downloads the quarterly
 * report as PDF and XLSX with the same numbers as the page. Screenshots go to {@code target/screenshots/dashboard/}.
 */
class DashboardBrowserTest extends IntegrationTest {

    @LocalServerPort int port;

    @Test
    void theCoordinatorSeesTheChartsAndTheReportCarriesTheSameNumbers() throws Exception {
        try (Browser browser = new Browser("http://localhost:" + port, "dashboard")) {
            browser.login("olena", "demo");
            browser.open("/dashboard?cluster=kharkiv");
            browser.click(By.id("records-link"));
            browser.select("kind", "MISSION");
            browser.select("country", "PL");
            browser.type("participants", "три");
            browser.click(By.id("record-export"));
            assertThat(browser.text(By.id("e-exportTitle"))).isNotBlank();
            assertThat(browser.text(By.id("e-participants"))).isNotBlank();
            browser.screenshot("records-errors");
            browser.type("title", "Місія до Познані");
            browser.type("participants", "3");
            browser.click(By.id("record-export"));
            browser.find(By.cssSelector(".flash.ok"));
            assertThat(browser.text(By.id("exports"))).contains("Місія до Познані");

            browser.open("/dashboard?cluster=kharkiv");
            for (String chart : new String[] {"members", "fundraising", "export", "events", "funnel"}) {
                WebElement svg = browser.find(By.cssSelector("[data-chart='" + chart + "'] svg"));
                assertThat(svg.getSize().getHeight()).as(chart + " is drawn").isGreaterThan(40);
            }
            assertThat(browser.find(By.cssSelector("[data-chart='members'] polyline")).getAttribute("points"))
                    .isNotBlank();
            String quarter = Quarter.of(AppClock.today()).toString();
            browser.find(By.cssSelector("[data-chart='export'] summary")).click();
            assertThat(browser.text(By.cssSelector("[data-chart='export'] details table"))).as("numbers a click away")
                    .contains(quarter);
            browser.screenshot("dashboard");
            browser.phoneSize();
            browser.screenshot("dashboard-phone");
            browser.desktopSize();

            String members = browser.text(By.cssSelector("[data-figure='activeMembers'] strong"));
            String staff = browser.text(By.cssSelector("[data-figure='executiveStaff'] strong"));
            String stage = browser.text(By.cssSelector("#maturity-stage strong"));
            String exports = browser.find(By.cssSelector("[data-chart='export'] details tr:last-child td:last-child"))
                    .getAttribute("textContent").trim();
            assertThat(Integer.parseInt(exports)).isPositive();

            byte[] pdf = browser.download("/dashboard/report.pdf?cluster=kharkiv&lang=uk&quarter=" + quarter);
            try (var document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains("Активні члени (ціль 25) " + members + " 25")
                        .contains("Виконавчий офіс (ціль 2) " + staff + " 2")
                        .contains(stage)
                        .contains("Місія до Познані");
            }
            byte[] xlsx = browser.download("/dashboard/report.xlsx?cluster=kharkiv&lang=uk&quarter=" + quarter);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(value(book, 0, "Активні члени (ціль 25)")).isEqualTo(Double.parseDouble(members));
                assertThat(value(book, 0, "Виконавчий офіс (ціль 2)")).isEqualTo(Double.parseDouble(staff));
                assertThat(value(book, 1, quarter)).as("the last row of a quarterly chart")
                        .isNotNull();
                assertThat(rowStartingWith(book, 0, "Етап зрілості").getCell(1).getStringCellValue()).isEqualTo(stage);
            }
        }
    }

    private static Double value(XSSFWorkbook book, int sheet, String label) {
        return rowStartingWith(book, sheet, label).getCell(1).getNumericCellValue();
    }
}
