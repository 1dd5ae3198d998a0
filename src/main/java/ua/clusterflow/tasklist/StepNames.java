package ua.clusterflow.tasklist;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A step's name in the reader's language: {@code bpmn.<element id>} in the messages, else the model's own name. */
@Component
public class StepNames {

    private final MessageSource messages;

    public StepNames(MessageSource messages) {
        this.messages = messages;
    }

    /** A status (or other short label) by its message key, for places outside a template. */
    public String status(String key, Locale locale) {
        String code = key.contains(".") ? key : "status." + key;
        return messages.getMessage(code, null, key, locale);
    }

    /** A flow's label ("rejected", "more information needed") in the reader's language. */
    public String flow(String label, Locale locale) {
        String key = "bpmn.flow." + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return messages.getMessage(key, null, label, locale);
    }

    public String name(String elementId, String modelName, Locale locale) {
        String fallback = modelName == null ? elementId : modelName;
        return elementId == null ? fallback : messages.getMessage("bpmn." + elementId, null, fallback, locale);
    }
}
