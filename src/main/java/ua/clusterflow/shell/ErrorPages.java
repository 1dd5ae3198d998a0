package ua.clusterflow.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import ua.clusterflow.base.OneAtATime;
import ua.clusterflow.base.RateLimits;
import ua.clusterflow.base.SignedLinks;

/** Errors a person can understand; never a stack trace. */
@ControllerAdvice
public class ErrorPages {

    private final GlobalModel global;

    public ErrorPages(GlobalModel global) {
        this.global = global;
    }

    @ExceptionHandler(SignedLinks.InvalidLinkException.class)
    public String invalidLink(SignedLinks.InvalidLinkException e, HttpServletResponse response, Model model) {
        response.setStatus(e.problem() != SignedLinks.Problem.INVALID ? HttpStatus.GONE.value()
                : HttpStatus.FORBIDDEN.value());
        model.addAttribute("problem", e.problem().name().toLowerCase());
        return "link-invalid";
    }

    /**
     * The database cannot be reached (restarting, network): 503 with a page saying nothing of this request was kept
     * and to send it again; any other failure goes on to the usual handling. The page is the one
     * {@link DatabaseUnavailableFilter} answers with too: it needs nothing the database holds, not even the session.
     */
    @ExceptionHandler(RuntimeException.class)
    public String databaseUnavailable(RuntimeException e, HttpServletResponse response, Model model) {
        if (!isDatabaseUnavailable(e)) {
            throw e;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "30");
        model.addAttribute("busy", isBusy(e));
        return DatabaseUnavailableFilter.PAGE;
    }

    /** A request that waited too long for the same thing's earlier requests (a burst): the same page, saying so. */
    @ExceptionHandler(OneAtATime.Busy.class)
    public String busy(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "30");
        model.addAttribute("busy", true);
        return DatabaseUnavailableFilter.PAGE;
    }

    /**
     * The database answers but every connection of the pool was in use for the pool's whole wait (a burst): the pool's
     * timeout without a failed connection behind it, which it names as the cause when the database is away.
     */
    static boolean isBusy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return cause.getCause() == null;
            }
        }
        return false;
    }

    /**
     * A connection refused, lost or timed out anywhere in the cause chain: SQLState class 08 or 57P0x, the pool's
     * timeout, or the pool's "Connection is closed" (it evicted the connection as broken while the request used it).
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getSQLState() != null
                    ? sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0")
                    : "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Too many public forms from one address, or mail to one recipient: 429 with when to try again, and what was typed
     * in a form that sends it again (files excepted, which a browser never lets a page fill in).
     */
    @ExceptionHandler(RateLimits.LimitReached.class)
    public String tooMany(RateLimits.LimitReached e, HttpServletRequest request, HttpServletResponse response,
                          Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(e.minutes() * 60));
        Map<String, List<String>> typed = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("_")) {
                typed.put(name, List.of(values));
            }
        });
        model.addAttribute("minutes", e.minutes());
        model.addAttribute("action", request.getServletPath());
        model.addAttribute("typed", typed);
        return "too-many";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        model.addAttribute("status", 413);
        // an exception handler's page gets none of the advice's model attributes by itself
        model.addAttribute("requestLimitMb", global.requestLimitMb());
        return "error";
    }
}
