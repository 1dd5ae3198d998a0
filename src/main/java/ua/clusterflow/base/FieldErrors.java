package ua.clusterflow.base;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with a form, field by field: a message key and its arguments for each field, the first rejection of
 * a field standing. The engine's forms and the app's own pages collect their errors here, and every page shows them
 * through one fragment ({@code fragments/field :: error}), each beside its field.
 */
public final class FieldErrors {

    /** A message key and its arguments. */
    public record Problem(String code, Object[] args) {
    }

    private final Map<String, Problem> problems = new LinkedHashMap<>();

    /** Rejects a field with a message key and its arguments, unless it was rejected already. */
    public FieldErrors reject(String field, String code, Object... args) {
        problems.putIfAbsent(field, new Problem(code, args));
        return this;
    }

    public FieldErrors addAll(FieldErrors other) {
        other.problems.forEach(problems::putIfAbsent);
        return this;
    }

    /**
     * The day typed into a field (ISO, as a date input sends it), or null: a field left blank is rejected when the day
     * is required, one that is no day always.
     */
    public LocalDate day(String field, String typed, boolean required) {
        if (typed == null || typed.isBlank()) {
            if (required) {
                reject(field, "error.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            reject(field, "error.date");
            return null;
        }
    }

    /** Rejects a field left blank. */
    public FieldErrors required(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            reject(field, "error.required");
        }
        return this;
    }

    /** Rejects a field left blank or longer than the limit. */
    public FieldErrors required(String field, String typed, int maxLength) {
        required(field, typed);
        return maxLength(field, typed, maxLength);
    }

    public FieldErrors maxLength(String field, String typed, int maxLength) {
        if (typed != null && typed.length() > maxLength) {
            reject(field, "error.maxLength", maxLength);
        }
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public boolean has(String field) {
        return problems.containsKey(field);
    }

    /** The field's message key; null when the field is fine. */
    public String get(String field) {
        Problem problem = problems.get(field);
        return problem == null ? null : problem.code();
    }

    /** The arguments of the field's message. */
    public Object[] args(String field) {
        Problem problem = problems.get(field);
        return problem == null ? new Object[0] : problem.args();
    }

    public Problem problem(String field) {
        return problems.get(field);
    }

    public Set<String> fields() {
        return Collections.unmodifiableSet(problems.keySet());
    }

    public Map<String, Problem> asMap() {
        return Collections.unmodifiableMap(problems);
    }

    @Override
    public String toString() {
        return problems.keySet().toString();
    }
}
