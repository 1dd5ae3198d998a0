package ua.clusterflow.shell;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.WhenShown;
import ua.clusterflow.tasklist.engine.TaskListService;

/** What every page's navigation shows: who is signed in, how many tasks wait for them, and failed steps. */
@ControllerAdvice
public class GlobalModel {

    private final TaskListService taskList;
    private final Incidents incidents;
    private final long requestLimitMb;

    public GlobalModel(TaskListService taskList, Incidents incidents,
                       @Value("${spring.servlet.multipart.max-request-size}") DataSize requestLimit) {
        this.taskList = taskList;
        this.incidents = incidents;
        this.requestLimitMb = requestLimit.toMegabytes();
    }

    /** The most one request may carry, named by the page that refuses a larger one. */
    @ModelAttribute("requestLimitMb")
    public long requestLimitMb() {
        return requestLimitMb;
    }

    /** None until a form's handler finds some, so that every page shows its fields' errors through one fragment. */
    @ModelAttribute("errors")
    public FieldErrors errors() {
        return new FieldErrors();
    }

    @ModelAttribute("me")
    public CurrentUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    /**
     * Counted only when a page shows them: a form's submission that redirects, or a page without the navigation, costs
     * no statement.
     */
    @ModelAttribute("taskCounts")
    public LazyContextVariable<Map<String, Long>> taskCounts() {
        CurrentUser user = me();
        return whenShown(() -> user == null ? Map.<String, Long>of() : taskList.counts(user), Map.of());
    }

    /** For administrators: the steps waiting for them after failing every retry. */
    @ModelAttribute("incidentCount")
    public LazyContextVariable<Long> incidentCount() {
        CurrentUser user = me();
        return whenShown(() -> user != null && user.administrator() ? incidents.count() : 0L, 0L);
    }

    /** A value read as the page renders it; the page (an error page too) shows the fallback if the database is away. */
    private static <T> LazyContextVariable<T> whenShown(Supplier<T> value, T fallback) {
        return WhenShown.of(() -> {
            try {
                return value.get();
            } catch (RuntimeException databaseUnavailable) {
                return fallback;
            }
        });
    }

    @ModelAttribute("currentPath")
    public String currentPath(HttpServletRequest request) {
        // on an error page, the page that failed: switching the language there shows it again, not the error dispatch
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed != null) {
            return failed.toString();
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
