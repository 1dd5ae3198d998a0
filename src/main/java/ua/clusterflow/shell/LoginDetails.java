package ua.clusterflow.shell;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Arrays;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What a sign-in attempt knows of the request that carries it: the client's address and the browser's device cookie.
 * Read from the servlet request by the authentication filters themselves (form and Basic), so that the throttle never
 * depends on a thread-local that the real filter chain may leave empty. Kept with the signed-in person's session, so
 * serializable.
 */
public record LoginDetails(String address, String deviceCookie) implements Serializable {

    public static final AuthenticationDetailsSource<HttpServletRequest, LoginDetails> SOURCE = LoginDetails::of;

    public static LoginDetails of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        String device = cookies == null ? null : Arrays.stream(cookies)
                .filter(c -> LoginThrottle.DEVICE_COOKIE.equals(c.getName())).map(Cookie::getValue)
                .findFirst().orElse(null);
        return new LoginDetails(request.getRemoteAddr(), device);
    }
}
