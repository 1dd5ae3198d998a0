package ua.clusterflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker the browser walks run on every page: it finds what the Nu checker finds and passes a valid page. */
class HtmlCheckerTest {

    @Test
    void theCheckerFindsTheErrorsOfAnInvalidPageAndNoneOnAValidOne() {
        assertThat(HtmlChecker.errors("""
                <!DOCTYPE html><html lang="uk"><head><title>Задачі</title></head>
                <body><main><label for="q">Пошук</label><input id="q" name="q" type="search">
                <time datetime="2026-12-02T14:30">02.12.2026 14:30</time></main></body></html>""")).isEmpty();

        assertThat(HtmlChecker.errors("""
                <!DOCTYPE html><html lang="uk"><head><title>Задачі</title></head>
                <body><label for="q">Пошук</label><input id="q" type="hidden">
                <time>вчора</time><input type="text" step="any" name="d"></body></html>"""))
                .hasSize(3)
                .anyMatch(error -> error.contains("“for” attribute of the “label” element"))
                .anyMatch(error -> error.contains("element “time”"))
                .anyMatch(error -> error.contains("“step”"));
    }
}
