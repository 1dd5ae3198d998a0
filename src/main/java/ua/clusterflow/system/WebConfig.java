package ua.clusterflow.system;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

@Configuration(proxyBeanMethods = false)
public class WebConfig {

    public static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    /** Ukrainian unless the person switched to English; the choice is kept in a cookie. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("clusterflow-lang");
        resolver.setDefaultLocale(UKRAINIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }
}
