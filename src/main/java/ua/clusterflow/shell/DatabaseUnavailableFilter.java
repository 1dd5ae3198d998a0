package ua.clusterflow.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The signed-in session lives in PostgreSQL, so a request can fail on the database before or after the application's
 * own handlers run (reading the session, saving it as the response goes out), where {@link ErrorPages} cannot answer
 * and the error page itself would need the session. Outermost of the filters that touch the database, this answers
 * such a failure with the 503 page that asks to send the form again, in the reader's language from their cookie.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    /** The page's template, which {@link ErrorPages} shows for the same failure inside the handlers. */
    static final String PAGE = "unavailable";

    private final ITemplateEngine templates;
    private final LocaleResolver locales;

    public DatabaseUnavailableFilter(ITemplateEngine templates, LocaleResolver locales) {
        this.templates = templates;
        this.locales = locales;
    }

    /** The error dispatch reads the session too, when the first failure was the database's. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
                                               FilterChain chain) throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!ErrorPages.isDatabaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            logger.warn((ErrorPages.isBusy(e) ? "Every database connection was in use for " : "The database could not be "
                    + "reached for ") + request.getRequestURI() + ": " + e);
            // an exception handler that ran before may have left the failure for the container to answer with its own
            // page: this page answers instead
            WebUtils.clearErrorRequestAttributes(request);
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "30");
            response.setContentType("text/html;charset=UTF-8");
            Context page = new Context(locales.resolveLocale(request));
            page.setVariable("busy", ErrorPages.isBusy(e));
            response.getOutputStream().write(templates.process(PAGE, page).getBytes(StandardCharsets.UTF_8));
        }
    }
}
