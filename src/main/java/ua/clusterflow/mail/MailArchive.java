package ua.clusterflow.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The mail the application wrote, for the operator to read as its recipient does: each outbox mail by its own id,
 * and what the built-in catcher received, decoded from its MIME parts (HTML text, attachments) and newest first.
 */
@Service
public class MailArchive {

    public record OutboxRow(long id, String recipient, String subject, String status, int attempts,
                            String lastError, Date createdAt, Date sentAt, String attachmentName) {
    }

    public record File(String name, String contentType, byte[] content) {
    }

    /** A mail as its recipient reads it: the HTML cleaned of anything active, its links, its attachments by name. */
    public record ShownMail(String to, String subject, Date date, String html, List<String> links,
                            List<String> attachments) {
    }

    public record CaughtRow(String messageId, String to, String subject, Date received) {
    }

    private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"]+)\"");
    private static final Safelist SHOWN = Safelist.relaxed().addAttributes(":all", "style").addTags("center")
            .preserveRelativeLinks(false);

    private final JdbcClient jdbc;

    public MailArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OutboxRow> outbox(String status) {
        return jdbc.sql("""
                select id, recipient, subject, status, attempts, last_error, created_at, sent_at, attachment_name
                from mail_outbox where (:status = '' or status = :status) order by id desc limit 200""")
                .param("status", status)
                .query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getTimestamp(7), rs.getTimestamp(8), rs.getString(9)))
                .list();
    }

    public Optional<ShownMail> outboxMail(long id) {
        return jdbc.sql("select recipient, subject, created_at, body_html, attachment_name from mail_outbox where id = ?")
                .param(id)
                .query((rs, n) -> shown(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4),
                        rs.getString(5) == null ? List.of() : List.of(rs.getString(5))))
                .optional();
    }

    public Optional<File> outboxAttachment(long id) {
        return jdbc.sql("select attachment_name, attachment_type, attachment from mail_outbox where id = ? "
                        + "and attachment is not null")
                .param(id).query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** A failed mail is tried again from now on. */
    public void retry(long id) {
        jdbc.sql("update mail_outbox set status = 'PENDING', next_attempt_at = now() where id = ? and status = 'FAILED'")
                .param(id).update();
    }

    /** What the catcher received, newest first, each by its Message-ID (which new mail does not shift). */
    public static List<CaughtRow> caught(MimeMessage[] messages) {
        List<CaughtRow> rows = new ArrayList<>();
        for (MimeMessage message : messages) {
            try {
                rows.add(new CaughtRow(message.getMessageID(), String.join(", ", header(message, "To")),
                        message.getSubject(), received(message)));
            } catch (MessagingException e) {
                rows.add(new CaughtRow(null, "?", "?", null));
            }
        }
        rows.sort(Comparator.comparing(CaughtRow::received, Comparator.nullsLast(Comparator.reverseOrder())));
        return rows.subList(0, Math.min(200, rows.size()));
    }

    public static Optional<MimeMessage> caughtMessage(MimeMessage[] messages, String messageId) {
        return Arrays.stream(messages).filter(m -> {
            try {
                return messageId.equals(m.getMessageID());
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst();
    }

    public static ShownMail shown(MimeMessage message) throws MessagingException, IOException {
        List<Part> attachments = new ArrayList<>();
        String html = html(message, attachments);
        List<String> names = new ArrayList<>();
        for (Part part : attachments) {
            names.add(part.getFileName());
        }
        return shown(String.join(", ", header(message, "To")), message.getSubject(), received(message),
                html == null ? "" : html, names);
    }

    /** The attachment of a caught mail, by its place among the mail's attachments. */
    public static Optional<File> caughtAttachment(MimeMessage message, int index) throws MessagingException, IOException {
        List<Part> attachments = new ArrayList<>();
        html(message, attachments);
        if (index < 0 || index >= attachments.size()) {
            return Optional.empty();
        }
        Part part = attachments.get(index);
        return Optional.of(new File(part.getFileName(), part.getContentType(), part.getInputStream().readAllBytes()));
    }

    private static ShownMail shown(String to, String subject, Date date, String html, List<String> attachments) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1).replace("&amp;", "&"));
        }
        return new ShownMail(to, subject, date, Jsoup.clean(html, SHOWN), links, attachments);
    }

    /** The HTML text of a part, walking multiparts; attachments found on the way are collected. */
    private static String html(Part part, List<Part> attachments) throws MessagingException, IOException {
        if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part);
            return null;
        }
        if (part.isMimeType("text/html")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = html(child, attachments);
                if (html == null) {
                    html = found;
                }
            }
            return html;
        }
        if (part.isMimeType("text/plain")) {
            return "<pre>" + HtmlUtils.htmlEscape(part.getContent().toString()) + "</pre>";
        }
        return null;
    }

    private static List<String> header(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : List.of(values);
    }

    private static Date received(MimeMessage message) throws MessagingException {
        return message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
    }
}
