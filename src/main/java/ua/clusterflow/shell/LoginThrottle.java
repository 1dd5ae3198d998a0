package ua.clusterflow.shell;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
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

    /**
     * Takes the attempt from its buckets, or refuses it with how long to wait. The details are those the
     * authentication filter read from the request; an attempt that comes without them is refused.
     */
    public Attempt begin(String userId, Object details) {
        if (!(details instanceof LoginDetails login) || login.address() == null) {
            throw new BadCredentialsException("No client address");
        }
        String address = login.address();
        Attempt attempt = device(login.deviceCookie(), userId)
                .map(d -> new Attempt(userId, address, Limit.LOGIN_DEVICE, d))
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

    /** A good password: its attempts do not count. */
    public void succeeded(Attempt attempt) {
        limits.giveBack(Limit.LOGIN_ADDRESS, attempt.address());
        limits.giveBack(attempt.accountLimit(), attempt.accountKey());
    }

    /** After a good sign-in in a browser: the browser gets a device cookie of its own for this account. */
    public void rememberDevice(String userId, HttpServletRequest request, HttpServletResponse response) {
        String value = links.sign(DEVICE_LINK, userId.toLowerCase(Locale.ROOT) + ":" + UUID.randomUUID(),
                DEVICE_VALIDITY);
        Cookie cookie = new Cookie(DEVICE_COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) DEVICE_VALIDITY.toSeconds());
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The device cookie's own id when the browser carries a valid one for this account. */
    private Optional<String> device(String cookie, String userId) {
        if (cookie == null) {
            return Optional.empty();
        }
        try {
            String subject = links.verify(DEVICE_LINK, cookie);
            int colon = subject.lastIndexOf(':');
            return subject.substring(0, colon).equalsIgnoreCase(userId.trim()) ? Optional.of(subject) : Optional.empty();
        } catch (SignedLinks.InvalidLinkException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
