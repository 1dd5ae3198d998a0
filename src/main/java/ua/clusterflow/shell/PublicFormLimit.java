package ua.clusterflow.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import ua.clusterflow.base.RateLimits;

/**
 * The limits on forms anyone can send without an account: so many a client address may send in an hour, and so
 * many mails they may cause to one recipient address (the form's field that names it). Over either, the request is
 * answered by the 429 page of {@link ErrorPages}, which keeps what was typed for sending again later.
 */
class PublicFormLimit implements HandlerInterceptor {

    private final RateLimits limits;
    private final String recipientField;

    PublicFormLimit(RateLimits limits, String recipientField) {
        this.limits = limits;
        this.recipientField = recipientField;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return true;
        }
        limits.take(RateLimits.Limit.PUBLIC_ADDRESS, request.getRemoteAddr());
        String recipient = recipientField == null ? null : request.getParameter(recipientField);
        if (recipient != null && !recipient.isBlank()) {
            limits.take(RateLimits.Limit.PUBLIC_RECIPIENT, recipient);
        }
        return true;
    }
}
