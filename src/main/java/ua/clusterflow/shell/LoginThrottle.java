package ua.clusterflow.shell;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ua.clusterflow.base.RateLimits.Limit;
import ua.clusterflow.base.RateLimits;
import ua.clusterflow.base.SignedLinks;

/**
 * Slows down guessing passwords, as OWASP's device cookies do: every attempt takes one from its client address's
 * bucket, and one from the account's bucket, unless the browser carries a signed device cookie from an earlier good
 * sign-in of that account, when it takes one from that device's own bucket instead. So an attacker who spends the
 * account's attempts from elsewhere cannot keep its owner out of the browsers the owner uses. A good password gives
 * its attempts back. The buckets live in the database ({@link RateLimits}): every node counts alike, and a burst of
 * parallel attempts is evaluated no more often than the limit.
 */
@Component
public class LoginThrottle {

    public static final String DEVICE_COOKIE = "clusterflow-device";
    static final String DEVICE_LINK = "device";
    private static final Duration DEVICE_VALIDITY = Duration.ofDays(365);

    /** Logins of this account are refused for now; {@code minutes} says how long until they are taken again. */
    public static class Throttled extends LockedException {
        private final long minutes;

        public Throttled(long minutes) {
            super("Too many failed logins");
            this.minutes = minutes;
        }

        public long minutes() {
            return minutes;
        }
    }

    /** One login attempt, with the buckets it took from. */
    public record Attempt(String userId, String address, Limit accountLimit, String accountKey) {
    }

    private final RateLimits limits;
    private final SignedLinks links;

    public LoginThrottle(RateLimits limits, SignedLinks links) {
        this.limits = limits;
        this.links = links;
    }

    /** Takes the attempt from its buckets, or refuses it with how long to wait. */
    public Attempt begin(String userId) {
        HttpServletRequest request = currentRequest().map(ServletRequestAttributes::getRequest).orElse(null);
        String address = request == null ? "local" : request.getRemoteAddr();
        Optional<String> device = request == null ? Optional.empty() : device(request, userId);
        Attempt attempt = device.map(d -> new Attempt(userId, address, Limit.LOGIN_DEVICE, d))
                .orElseGet(() -> new Attempt(userId, address, Limit.LOGIN_ACCOUNT, userId));
        try {
            limits.take(Limit.LOGIN_ADDRESS, address);
            try {
                limits.take(attempt.accountLimit(), attempt.accountKey());
            } catch (RateLimits.LimitReached e) {
                limits.giveBack(Limit.LOGIN_ADDRESS, address);
                throw e;
            }
        } catch (RateLimits.LimitReached e) {
            throw new Throttled(e.minutes());
        }
        return attempt;
    }

    /** A good password: its attempts do not count, and the browser gets (or keeps) its device cookie. */
    public void succeeded(Attempt attempt) {
        limits.giveBack(Limit.LOGIN_ADDRESS, attempt.address());
        limits.giveBack(attempt.accountLimit(), attempt.accountKey());
        currentRequest().map(ServletRequestAttributes::getResponse).ifPresent(response -> {
            String value = links.sign(DEVICE_LINK, attempt.userId().toLowerCase(java.util.Locale.ROOT) + ":"
                    + UUID.randomUUID(), DEVICE_VALIDITY);
            Cookie cookie = new Cookie(DEVICE_COOKIE, value);
            cookie.setHttpOnly(true);
            cookie.setPath("/");
            cookie.setMaxAge((int) DEVICE_VALIDITY.toSeconds());
            cookie.setSecure(currentRequest().map(a -> a.getRequest().isSecure()).orElse(false));
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        });
    }

    /** The device cookie's own id when the browser carries a valid one for this account. */
    private Optional<String> device(HttpServletRequest request, String userId) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> DEVICE_COOKIE.equals(c.getName())).findFirst()
                .flatMap(cookie -> {
                    try {
                        String subject = links.verify(DEVICE_LINK, cookie.getValue());
                        int colon = subject.lastIndexOf(':');
                        return subject.substring(0, colon).equalsIgnoreCase(userId.trim())
                                ? Optional.of(subject) : Optional.empty();
                    } catch (SignedLinks.InvalidLinkException | IndexOutOfBoundsException e) {
                        return Optional.empty();
                    }
                });
    }

    private static Optional<ServletRequestAttributes> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes) : Optional.empty();
    }
}
