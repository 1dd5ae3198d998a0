package ua.clusterflow.base;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL (Bucket4j, one row a key, taken with {@code select ... for update}), so that
 * every node counts the same attempts and a burst of parallel requests takes no more than a bucket holds. Each
 * limit is so many attempts per hour, refilled gradually.
 */
@Component
@EnableConfigurationProperties(RateLimits.Settings.class)
public class RateLimits {

    /** What is limited, and by which key. */
    public enum Limit {
        /** Password attempts for an account from clients it has not signed in from before. */
        LOGIN_ACCOUNT,
        /** Password attempts from one client address, whatever the account. */
        LOGIN_ADDRESS,
        /** Password attempts through one device cookie of an earlier good sign-in. */
        LOGIN_DEVICE,
        /** Public forms (applying, registering, reviewing, answering, password resets) from one client address. */
        PUBLIC_ADDRESS,
        /** Mail that public forms send to one address. */
        PUBLIC_RECIPIENT
    }

    /** Attempts per hour for each limit ({@code clusterflow.limits.*}). */
    @ConfigurationProperties("clusterflow.limits")
    public record Settings(Integer loginAccount, Integer loginAddress, Integer loginDevice, Integer publicAddress,
                           Integer publicRecipient) {

        public Settings {
            loginAccount = loginAccount == null ? 100 : loginAccount;
            loginAddress = loginAddress == null ? 300 : loginAddress;
            loginDevice = loginDevice == null ? 20 : loginDevice;
            publicAddress = publicAddress == null ? 20 : publicAddress;
            publicRecipient = publicRecipient == null ? 10 : publicRecipient;
        }

        int perHour(Limit limit) {
            return switch (limit) {
                case LOGIN_ACCOUNT -> loginAccount;
                case LOGIN_ADDRESS -> loginAddress;
                case LOGIN_DEVICE -> loginDevice;
                case PUBLIC_ADDRESS -> publicAddress;
                case PUBLIC_RECIPIENT -> publicRecipient;
            };
        }
    }

    /** The attempt was over the limit; {@code minutes} says when the next one is taken. */
    public static class LimitReached extends RuntimeException {
        private final long minutes;

        public LimitReached(long minutes) {
            super("Rate limit reached");
            this.minutes = minutes;
        }

        public long minutes() {
            return minutes;
        }
    }

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_KEY = 300;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Settings settings;

    public RateLimits(DataSource dataSource, Settings settings) {
        this.settings = settings;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                // the app's clock, which tests move together with the engine's
                .clientClock(new AppTime())
                .build();
    }

    public int perHour(Limit limit) {
        return settings.perHour(limit);
    }

    /** Takes one attempt from the key's bucket, or says how many minutes until the next one is taken. */
    public void take(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds();
            throw new LimitReached(Math.max(1, (seconds + 59) / 60));
        }
    }

    /** Gives back an attempt that turned out not to count (a good password). */
    public void giveBack(Limit limit, String key) {
        bucket(limit, key).addTokens(1);
    }

    private io.github.bucket4j.distributed.BucketProxy bucket(Limit limit, String key) {
        int perHour = settings.perHour(limit);
        String id = limit.name().toLowerCase(Locale.ROOT) + ":" + key.trim().toLowerCase(Locale.ROOT);
        return buckets.builder().build(id.length() > MAX_KEY ? id.substring(0, MAX_KEY) : id,
                () -> BucketConfiguration.builder()
                        .addLimit(l -> l.capacity(perHour).refillGreedy(perHour, WINDOW))
                        .build());
    }

    /** Rows of buckets that would be full again by now are of no use: removed every ten minutes. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    public void removeFullBuckets() {
        while (buckets.removeExpired(1000) == 1000) {
            // another batch
        }
    }

    private static final class AppTime implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return AppClock.now().toEpochMilli() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
