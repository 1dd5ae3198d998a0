package ua.clusterflow.base;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * A person without an account who follows a link from their mail (an expert, a reviewer, a guest) reads its page in
 * the language their mail was written in, unless they chose a language on this device already.
 */
@Component
public class LinkLanguage {

    static final String COOKIE = "clusterflow-lang";

    private final LocaleResolver locales;

    public LinkLanguage(LocaleResolver locales) {
        this.locales = locales;
    }

    public void apply(HttpServletRequest request, HttpServletResponse response, String language) {
        if (language != null && WebUtils.getCookie(request, COOKIE) == null) {
            locales.setLocale(request, response, Locale.forLanguageTag("en".equals(language) ? "en" : "uk"));
        }
    }
}
