package ua.clusterflow.tasklist;

import java.util.List;
import java.util.Map;

/**
 * One component of a Camunda Forms definition, as far as ClusterFlow renders it. Besides the
 * standard {@code validate} rules, a component's custom {@code properties} may say:
 * {@code check} (edrpou, email, password), {@code requiredWhen} ({@code otherKey=value1|value2}, or {@code otherKey=*} for any answer),
 * {@code maxSizeMb} for a file.
 */
public record FormField(String key, String type, String label, String description, boolean required,
                        Integer minLength, Integer maxLength, Double min, Double max, String pattern,
                        List<Option> options, Map<String, String> properties, String accept, String subtype,
                        boolean integer) {

    public record Option(String value, String label) {
    }

    public boolean isFile() {
        return "filepicker".equals(type);
    }

    public boolean isMulti() {
        return "checklist".equals(type);
    }

    public boolean isStatic() {
        return "text".equals(type);
    }

    public String property(String name) {
        return properties.get(name);
    }
}
