package ua.clusterflow.tasklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.FieldErrors;

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

    /** What a submission says, field by field: "label: answer", options by their label, empty fields left out. */
    public String summary(FormDefinition form, FormSubmission submission) {
        List<String> parts = new ArrayList<>();
        for (FormField field : form.fields()) {
            Object value = submission.values().get(field.key());
            if (field.isStatic() || field.isFile() || value == null || "".equals(value)) {
                continue;
            }
            String shown = field.options().isEmpty() ? submission.typed(field.key())
                    : Arrays.stream(String.valueOf(value).split(","))
                    .map(v -> field.options().stream().filter(o -> o.value().equals(v)).findFirst()
                            .map(o -> option(form, field, o)).orElse(v))
                    .collect(Collectors.joining(", "));
            if (value instanceof Boolean b) {
                shown = text(b ? "common.yes" : "common.no", String.valueOf(b));
            }
            parts.add(label(form, field) + ": " + (shown.isEmpty() ? String.valueOf(value) : shown));
        }
        return String.join("; ", parts);
    }

    public String error(FieldErrors.Problem error) {
        return error == null ? null
                : messages.getMessage(error.code(), error.args(), error.code(), LocaleContextHolder.getLocale());
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
    }
}
