package ua.clusterflow.tasklist;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts of a form in the reader's language: a form's JSON carries the Ukrainian labels, and
 * {@code form.<formId>.<key>} (and {@code .<value>} for options) in the messages translates them.
 */
@Component("formLabels")
public class FormLabels {

    private final MessageSource messages;

    public FormLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String label(FormDefinition form, FormField field) {
        return text("form." + form.id() + "." + field.key(), field.label());
    }

    public String option(FormDefinition form, FormField field, FormField.Option option) {
        return text("form." + form.id() + "." + field.key() + "." + option.value(), option.label());
    }

    public String description(FormDefinition form, FormField field) {
        return text("form." + form.id() + "." + field.key() + ".description", field.description());
    }

    public String error(FormSubmission.FieldError error) {
        return error == null ? null
                : messages.getMessage(error.code(), error.args(), error.code(), LocaleContextHolder.getLocale());
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
    }
}
