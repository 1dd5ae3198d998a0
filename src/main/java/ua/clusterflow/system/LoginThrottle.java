package ua.clusterflow.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most {@value #MAX_FAILURES} failed logins per account in an hour; after that the account's logins wait until
 * the oldest failure of the hour ages out. Kept in the database, so every node of a cluster throttles alike.
 */
@Component
public class LoginThrottle {

    public static final int MAX_FAILURES = 100;
    public static final Duration WINDOW = Duration.ofHours(1);

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

    private final JdbcClient jdbc;

    public LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses a login attempt of an account that failed too often within the last hour. */
    public void check(String userId) {
        Instant now = AppClock.now();
        Optional<Timestamp> oldest = jdbc.sql("""
                select failed_at from login_failure where user_id = ? and failed_at > ?
                order by failed_at desc offset ? limit 1""")
                .params(key(userId), Timestamp.from(now.minus(WINDOW)), MAX_FAILURES - 1)
                .query(Timestamp.class).optional();
        if (oldest.isPresent()) {
            Duration wait = Duration.between(now, oldest.get().toInstant().plus(WINDOW));
            throw new Throttled(Math.max(1, (wait.toSeconds() + 59) / 60));
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String userId) {
        Instant now = AppClock.now();
        jdbc.sql("delete from login_failure where user_id = ? and failed_at <= ?")
                .params(key(userId), Timestamp.from(now.minus(WINDOW))).update();
        jdbc.sql("insert into login_failure (user_id, failed_at) values (?, ?)")
                .params(key(userId), Timestamp.from(now)).update();
    }

    private static String key(String userId) {
        String key = userId.trim().toLowerCase(java.util.Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }
}
