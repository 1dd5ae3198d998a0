package ua.clusterflow.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP. Each mail is sent and marked sent in a transaction of its own
 * that locks its row, so two nodes never send one mail twice, and a node stopped mid-send leaves
 * at most the one mail it was sending to go again (with the same Message-ID). A failure is
 * recorded and retried with growing pauses, and after the last attempt the mail is marked failed
 * for the administrator to see.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final JavaMailSenderImpl mailSender;
    private final TransactionTemplate transaction;
    private final String from;
    private final int maxAttempts;
    private final boolean scheduled;
    private final String domain;

    public OutboxSender(JdbcClient jdbc, JavaMailSenderImpl mailSender, TransactionTemplate transaction,
                        @Value("${clusterflow.mail.from}") String from,
                        @Value("${clusterflow.mail.max-attempts}") int maxAttempts,
                        @Value("${clusterflow.mail.scheduled:true}") boolean scheduled,
                        @Value("${clusterflow.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.transaction = transaction;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.scheduled = scheduled;
        String host = URI.create(baseUrl).getHost();
        this.domain = host == null ? "clusterflow.local" : host;
    }

    @Scheduled(fixedDelayString = "${clusterflow.mail.poll-interval}", initialDelayString = "${clusterflow.mail.poll-interval}")
    void poll() {
        if (scheduled) {
            sendDue();
        }
    }

    /** Sends what is due over one connection to the SMTP server; returns how many mails went out. */
    public int sendDue() {
        int sent = 0;
        try (SmtpConnection connection = new SmtpConnection(mailSender)) {
            while (true) {
                Boolean delivered = transaction.execute(status -> sendNext(connection));
                if (delivered == null) {
                    return sent;
                }
                if (delivered) {
                    sent++;
                }
            }
        }
    }

    /**
     * Sends the next due mail and records it, in a transaction of its own that locks the row: null when nothing is
     * due, else whether the server took it (a failure is recorded and the mail waits for its next attempt).
     */
    private Boolean sendNext(SmtpConnection connection) {
        List<OutboxMail> due = jdbc.sql("""
                select id, recipient, subject, body_html, attempts, attachment_name, attachment_type, attachment,
                       created_at, inline_id, inline_type, inline_content
                from mail_outbox where status = 'PENDING' and next_attempt_at <= now()
                order by id limit 1 for update skip locked""")
                .query((rs, n) -> new OutboxMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                        rs.getTimestamp(9).toInstant().toEpochMilli(), rs.getString(10), rs.getString(11),
                        rs.getBytes(12)))
                .list();
        if (due.isEmpty()) {
            return null;
        }
        OutboxMail mail = due.get(0);
        try {
            connection.send(message(mail));
            jdbc.sql("update mail_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1, "
                    + "last_error = null where id = ?").param(mail.id()).update();
            return true;
        } catch (Exception e) {
            recordFailure(mail, e);
            return false;
        }
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message,
                mail.attachment() != null || mail.inlineContent() != null, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.bodyHtml(), true);
        if (mail.inlineContent() != null) {
            helper.addInline(mail.inlineId(), new ByteArrayResource(mail.inlineContent()),
                    mail.inlineType());
        }
        if (mail.attachment() != null) {
            helper.addAttachment(mail.attachmentName(),
                    new ByteArrayResource(mail.attachment()), mail.attachmentType());
        }
        // one identity per outbox row: should a node stop after the server took a mail but before the row was marked
        // sent, the mail sent again carries the same Message-ID and the recipient's mail system shows it once
        message.setHeader("Message-ID", messageId(mail));
        return message;
    }

    String messageId(OutboxMail mail) {
        return "<outbox-" + mail.id() + "-" + mail.createdAt() + "@" + domain + ">";
    }

    private void recordFailure(OutboxMail mail, Exception e) {
        int attempts = mail.attempts() + 1;
        boolean giveUp = attempts >= maxAttempts;
        Duration pause = Duration.ofMinutes(Math.min(240, (long) Math.pow(2, attempts)));
        String error = describe(e);
        log.warn("Mail {} to {} failed (attempt {}): {}", mail.id(), mail.recipient(), attempts, error);
        jdbc.sql("update mail_outbox set attempts = ?, last_error = ?, status = ?, "
                        + "next_attempt_at = now() + make_interval(secs => ?) where id = ?")
                .params(attempts, error, giveUp ? "FAILED" : "PENDING",
                        pause.toSeconds(), mail.id())
                .update();
    }

    /**
     * The failure and what caused it, as the administrator reads it beside the mail: "Exception reading response:
     * Read timed out".
     */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    record OutboxMail(long id, String recipient, String subject, String bodyHtml, int attempts, String attachmentName,
                      String attachmentType, byte[] attachment, long createdAt, String inlineId, String inlineType,
                      byte[] inlineContent) {
    }
}
