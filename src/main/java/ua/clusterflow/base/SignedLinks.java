package ua.clusterflow.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring tokens for people who act through a link in a mail and have no account
 * (or no password yet): {@code purpose|subject|expiry} with an HMAC-SHA256 signature.
 */
@Component
public class SignedLinks {

    /** Damaged or foreign; past its expiry; or made for a step that is over (a review round that closed, a link used). */
    public enum Problem { INVALID, EXPIRED, CLOSED }

    public static class InvalidLinkException extends RuntimeException {
        private final Problem problem;

        public InvalidLinkException(Problem problem) {
            super("Link " + problem.name().toLowerCase());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final JdbcClient jdbc;

    public SignedLinks(@Value("${clusterflow.links.secret:}") String configured, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.secret = (configured.isBlank() ? storedSecret(jdbc) : configured).getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String purpose, String subject, Duration validFor) {
        long expires = AppClock.now().plus(validFor).getEpochSecond();
        String payload = purpose + "|" + subject + "|" + expires;
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The subject the token was signed for; refuses a tampered, foreign or expired token. */
    public String verify(String purpose, String token) {
        if (token == null) {
            throw new InvalidLinkException(Problem.INVALID);
        }
        String[] parts = token.split("\\.");
        if (parts.length != 2) {
            throw new InvalidLinkException(Problem.INVALID);
        }
        String payload = new String(canonical(parts[0]), StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(mac(payload), canonical(parts[1]))) {
            throw new InvalidLinkException(Problem.INVALID);
        }
        String[] fields = payload.split("\\|");
        if (fields.length != 3 || !fields[0].equals(purpose)) {
            throw new InvalidLinkException(Problem.INVALID);
        }
        if (Instant.ofEpochSecond(Long.parseLong(fields[2])).isBefore(AppClock.now())) {
            throw new InvalidLinkException(Problem.EXPIRED);
        }
        return fields[1];
    }

    /**
     * The bytes of one part of a token, which must be spelled exactly as it was signed: Base64's decoder also takes
     * padding and other values of the last character's unused bits, and such another spelling of a used single-use
     * link would count as a link not used yet.
     */
    private static byte[] canonical(String part) {
        try {
            byte[] bytes = DECODER.decode(part);
            if (!ENCODER.encodeToString(bytes).equals(part)) {
                throw new InvalidLinkException(Problem.INVALID);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException(Problem.INVALID);
        }
    }

    /**
     * Whether a link that works once was used already. Links are recorded by their text, which {@link #verify} takes
     * in the one spelling it was signed in, so the same link cannot be used again under another spelling.
     */
    public boolean used(String token) {
        return jdbc.sql("select count(*) from used_link where token_hash = ?")
                .param(Sha256.hex(token.getBytes(StandardCharsets.UTF_8))).query(Long.class).single() > 0;
    }

    /** Records the one use of a link; false when it was used already (also by a request at the same moment). */
    public boolean use(String token) {
        return jdbc.sql("insert into used_link (token_hash, used_at) values (?, ?) on conflict do nothing")
                .params(Sha256.hex(token.getBytes(StandardCharsets.UTF_8)),
                        Timestamp.from(AppClock.now())).update() == 1;
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A secret generated on first start and kept in the database, so links outlive a restart. */
    private static String storedSecret(JdbcClient jdbc) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.sql("insert into app_setting (name, value) values ('link-secret', ?) on conflict (name) do nothing")
                .param(ENCODER.encodeToString(random)).update();
        return jdbc.sql("select value from app_setting where name = 'link-secret'").query(String.class).single();
    }
}
