package ua.clusterflow.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;
import ua.clusterflow.tasklist.TaskListService;

/** What every page's navigation shows: who is signed in, how many tasks wait for them, and failed steps. */
@ControllerAdvice
public class GlobalModel {

    private final TaskListService taskList;
    private final Incidents incidents;

    public GlobalModel(TaskListService taskList, Incidents incidents) {
        this.taskList = taskList;
        this.incidents = incidents;
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
        return new LazyContextVariable<>() {
            @Override
            protected Map<String, Long> loadValue() {
                if (user == null) {
                    return Map.of();
                }
                try {
                    return taskList.counts(user);
                } catch (RuntimeException databaseUnavailable) {
                    // the page (an error page too) is shown without its counts rather than not at all
                    return Map.of();
                }
            }
        };
    }

    /** For administrators: the steps waiting for them after failing every retry. */
    @ModelAttribute("incidentCount")
    public LazyContextVariable<Long> incidentCount() {
        CurrentUser user = me();
        return new LazyContextVariable<>() {
            @Override
            protected Long loadValue() {
                try {
                    return user != null && user.administrator() ? incidents.count() : 0L;
                } catch (RuntimeException databaseUnavailable) {
                    return 0L;
                }
            }
        };
    }

    @ModelAttribute("currentPath")
    public String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
