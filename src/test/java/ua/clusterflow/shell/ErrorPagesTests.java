package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.Formats;
import ua.clusterflow.cluster.Countries;

/** Error pages in the reader's language, and dates, money and country lists in one form per language. */
class ErrorPagesTests extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired Formats formats;

    @Test
    void aMissingPageSaysSoInTheReadersLanguageAndSwitchingLanguageShowsThatPageAgain() {
        ResponseEntity<String> missing = http.exchange("/meetups/MEE-99999999", HttpMethod.GET,
                new HttpEntity<>(browser()), String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).doesNotContain("??").contains("Сторінку не знайдено")
                .contains("back=/meetups/MEE-99999999");

        HttpHeaders english = browser();
        english.add(HttpHeaders.COOKIE, "clusterflow-lang=en");
        ResponseEntity<String> inEnglish = http.exchange("/meetups/MEE-99999999", HttpMethod.GET,
                new HttpEntity<>(english), String.class);
        assertThat(inEnglish.getBody()).doesNotContain("??").doesNotContain("Not Found_");

        ResponseEntity<String> forbidden = http.exchange("/admin/mail", HttpMethod.GET,
                new HttpEntity<>(browser()), String.class);
        assertThat(forbidden.getBody()).doesNotContain("??");
    }

    @Test
    void theLanguageSwitchOfAnErrorPageLeadsBackToThePageNotToTheErrorDispatch() throws Exception {
        var mvcResult = get("/lang").param("to", "en").param("back", "/meetups/MEE-99999999");
        assertThat(mvc.perform(mvcResult.cookie(new Cookie("clusterflow-lang", "uk"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/meetups/MEE-99999999");
    }

    @Test
    void datesAndMoneyHaveOneFormPerLanguageAndCountriesFollowTheReadersAlphabet() {
        Instant moment = Instant.parse("2026-12-02T12:30:00Z");
        try {
            LocaleContextHolder.setLocale(Locale.forLanguageTag("uk"));
            assertThat(formats.dateTime(moment)).isEqualTo("02.12.2026 14:30");
            assertThat(formats.money(new BigDecimal("250000"), "EUR")).isEqualTo("250\u00a0000,00 EUR");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(formats.dateTime(moment)).isEqualTo("2 Dec 2026, 14:30");
            assertThat(formats.money(new BigDecimal("24000"), "UAH")).isEqualTo("UAH 24,000.00");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        var names = Countries.all(Locale.forLanguageTag("uk")).stream().filter(c -> !c.eu() && !"UA".equals(c.code()))
                .map(Countries.Country::name).toList();
        assertThat(names.indexOf("Єгипет")).as("Є comes after Е").isGreaterThan(names.indexOf("Еквадор"));
        assertThat(names.indexOf("Індія")).as("І comes after З and before Й")
                .isGreaterThan(names.indexOf("Зімбабве")).isLessThan(names.indexOf("Йорданія"));
        assertThat(names.get(0)).startsWith("А");
    }

    @Autowired MockMvc mvc;

    /** What a browser asks for: a page. */
    private static HttpHeaders browser() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.ACCEPT, "text/html");
        return headers;
    }
}
