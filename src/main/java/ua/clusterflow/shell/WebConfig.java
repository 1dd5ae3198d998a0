package ua.clusterflow.shell;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import ua.clusterflow.base.RateLimits;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final RateLimits limits;

    public WebConfig(RateLimits limits) {
        this.limits = limits;
    }

    /** Public forms, each with the field naming the address it mails, if any. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PublicFormLimit(limits, "contactEmail")).addPathPatterns("/apply/**");
        registry.addInterceptor(new PublicFormLimit(limits, "email")).addPathPatterns("/meetups/*/register");
        registry.addInterceptor(new PublicFormLimit(limits, "login")).addPathPatterns("/password-reset", "/password-reset/**");
        registry.addInterceptor(new PublicFormLimit(limits, null)).addPathPatterns("/review/**", "/expert/**",
                "/track/**", "/meetups/registrations/**");
    }

    public static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    /** Ukrainian unless the person switched to English; the choice is kept in a cookie. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("clusterflow-lang");
        resolver.setDefaultLocale(UKRAINIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Session attributes written with PostgreSQL's upsert: two requests of one session at once (a double click) both
     * add the flash message, and the second plain insert failed on the attribute's key with a server error, though
     * what was sent was stored.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
