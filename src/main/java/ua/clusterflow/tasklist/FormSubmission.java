package ua.clusterflow.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ua.clusterflow.base.FieldErrors;

/** What a person sent through a form: as typed (to show again), as typed values, and the errors found. */
public class FormSubmission {

    public record Upload(String fileName, String contentType, byte[] content) {
    }

    private final Map<String, List<String>> raw = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final FieldErrors errors = new FieldErrors();

    public static FormSubmission empty() {
        return new FormSubmission();
    }

    public static FormSubmission of(Map<String, ?> values) {
        FormSubmission submission = new FormSubmission();
        values.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                submission.raw.put(key, list.stream().map(String::valueOf).toList());
            } else if (value != null) {
                submission.raw.put(key, List.of(String.valueOf(value)));
            }
        });
        return submission;
    }

    /** A submission with values already typed, as the demo data and services hand them in. */
    public static FormSubmission ofValues(Map<String, ?> values) {
        FormSubmission submission = of(values);
        submission.values.putAll(values);
        return submission;
    }

    void putRaw(String key, List<String> typed) {
        raw.put(key, typed);
    }

    void putValue(String key, Object value) {
        values.put(key, value);
    }

    void putUpload(String key, Upload upload) {
        uploads.put(key, upload);
    }

    public void reject(String key, String code, Object... args) {
        errors.reject(key, code, args);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, FieldErrors.Problem> errors() {
        return errors.asMap();
    }

    /** The errors for the page, which shows each beside its field. */
    public FieldErrors fieldErrors() {
        return errors;
    }

    public Map<String, Object> values() {
        return values;
    }

    public Map<String, Upload> uploads() {
        return uploads;
    }

    /** Everything as typed, by field. */
    public Map<String, List<String>> raw() {
        return raw;
    }

    public String text(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    /** The first typed value of a field, for the form to show again. */
    public String typed(String key) {
        List<String> typed = raw.get(key);
        return typed == null || typed.isEmpty() ? "" : typed.get(0);
    }

    public boolean typedContains(String key, String value) {
        return raw.getOrDefault(key, List.of()).contains(value);
    }

    public FieldErrors.Problem error(String key) {
        return errors.problem(key);
    }
}
