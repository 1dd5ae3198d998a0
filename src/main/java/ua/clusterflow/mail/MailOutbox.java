package ua.clusterflow.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import ua.clusterflow.base.Formats;

/**
 * Every mail ClusterFlow sends is written here first, in the transaction of the step that
 * causes it: a step that rolls back sends nothing, and a step that commits never loses its mail.
 */
@Service
public class MailOutbox {

    private final JdbcClient jdbc;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final String baseUrl;
    private final Formats formats;

    public MailOutbox(JdbcClient jdbc, ITemplateEngine templates, MessageSource messages,
                      @Value("${clusterflow.base-url}") String baseUrl, Formats formats) {
        this.formats = formats;
        this.jdbc = jdbc;
        this.templates = templates;
        this.messages = messages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** A file that goes with a mail, such as a calendar invitation. */
    public record Attachment(String name, String contentType, byte[] content) {
    }

    public void queue(Recipient recipient, String template, Map<String, ?> model, String businessKey) {
        queue(recipient, template, model, businessKey, null);
    }

    /** As above, with a file attached (an invoice); none when null. */
    public void queue(Recipient recipient, String template, Map<String, ?> model, String businessKey,
                      Attachment attachment) {
        if (recipient.email() == null || recipient.email().isBlank()) {
            return;
        }
        queue(recipient.email(), recipient.language(), template, withName(model, recipient.displayName()),
                businessKey, attachment);
    }

    public void queue(String recipient, String language, String template, Map<String, ?> model, String businessKey) {
        queue(recipient, language, template, model, businessKey, null);
    }

    /** Renders {@code templates/mail/<template>.html} in the recipient's language and queues it. */
    public void queue(String recipient, String language, String template, Map<String, ?> model, String businessKey,
                      Attachment attachment) {
        queue(recipient, language, template, model, businessKey, attachment, null);
    }

    /**
     * As above, with an image the mail's text shows in place: its name is the content id the template's
     * {@code <img src="cid:…">} names.
     */
    public void queue(String recipient, String language, String template, Map<String, ?> model, String businessKey,
                      Attachment attachment, Attachment inline) {
        Locale locale = Locale.forLanguageTag(language == null ? "uk" : language);
        Context context = new Context(locale);
        context.setVariable("baseUrl", baseUrl);
        // a mail's template is not rendered by Spring MVC: it reaches the formats as a variable, not as a bean
        context.setVariable("formats", formats);
        // dates and amounts the template formats are in the recipient's language, not in that of whoever acted; so is
        // a value the model leaves to be written out for the recipient (a meetup's time with its time zone said)
        String body = Formats.inLanguage(locale, () -> {
            model.forEach((name, value) -> context.setVariable(name,
                    value instanceof Supplier<?> deferred ? deferred.get() : value));
            return templates.process("mail/" + template, context);
        });
        Object[] subjectArgs = model.containsKey("subjectArg") ? new Object[] {model.get("subjectArg")} : new Object[0];
        Object subjectKey = model.get("subjectKey");
        String subject = messages.getMessage(subjectKey != null ? subjectKey.toString() : "mail." + template + ".subject",
                subjectArgs, locale);
        jdbc.sql("insert into mail_outbox (recipient, subject, body_html, business_key, attachment_name, attachment_type, "
                        + "attachment, inline_id, inline_type, inline_content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(recipient, subject, body, businessKey, attachment == null ? null : attachment.name(),
                        attachment == null ? null : attachment.contentType(),
                        attachment == null ? null : attachment.content(), inline == null ? null : inline.name(),
                        inline == null ? null : inline.contentType(), inline == null ? null : inline.content())
                .update();
    }

    public String link(String path) {
        return baseUrl + path;
    }

    private static Map<String, Object> withName(Map<String, ?> model, String name) {
        Map<String, Object> copy = new HashMap<>(model);
        copy.putIfAbsent("recipientName", name);
        return copy;
    }
}
