package ua.clusterflow.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import ua.clusterflow.base.CurrentUser;

/**
 * After signing in, back to the page the person asked for, by its path alone: the saved address was built from the
 * request's Host header, which whoever sent the request chose. The browser gets its device cookie for the account.
 */
class LocalSuccessRedirect implements AuthenticationSuccessHandler {

    private final RequestCache cache = new HttpSessionRequestCache();
    private final LoginThrottle throttle;

    LocalSuccessRedirect(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        if (authentication.getPrincipal() instanceof CurrentUser user) {
            throttle.rememberDevice(user.id(), request, response);
        }
        SavedRequest saved = cache.getRequest(request, response);
        cache.removeRequest(request, response);
        String target = "/";
        if (saved != null) {
            try {
                URI uri = URI.create(saved.getRedirectUrl());
                String path = uri.getRawPath();
                if (path != null && path.startsWith(request.getContextPath() + "/") && !path.startsWith("//")) {
                    target = path.substring(request.getContextPath().length())
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException unreadable) {
                target = "/";
            }
        }
        response.sendRedirect(request.getContextPath() + target);
    }
}
