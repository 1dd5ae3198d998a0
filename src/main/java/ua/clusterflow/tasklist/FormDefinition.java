package ua.clusterflow.tasklist;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A form from {@code forms/}: its id and the fields it shows, in order. */
public record FormDefinition(String id, List<FormField> fields) {

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> key.equals(f.key())).findFirst();
    }

    /** The same form with only these fields, in the form's order: a page that edits a part of what it collected. */
    public FormDefinition only(Collection<String> keys) {
        return new FormDefinition(id, fields.stream().filter(f -> keys.contains(f.key())).toList());
    }

    /**
     * The same form with the choices of each field that takes them from its case ({@code properties.choicesFrom}: the
     * name of a variable holding {@code value=label} lines) as the case holds them; a field whose variable is empty
     * keeps its own options.
     */
    public FormDefinition withChoices(Function<String, String> variables) {
        if (fields.stream().noneMatch(f -> f.property(CHOICES_FROM) != null)) {
            return this;
        }
        return new FormDefinition(id, fields.stream().map(f -> {
            String choices = f.property(CHOICES_FROM) == null ? null : variables.apply(f.property(CHOICES_FROM));
            if (choices == null || choices.isBlank()) {
                return f;
            }
            List<FormField.Option> options = choices.lines().filter(line -> line.contains("="))
                    .map(line -> new FormField.Option(line.substring(0, line.indexOf('=')).strip(),
                            line.substring(line.indexOf('=') + 1).strip()))
                    .toList();
            return new FormField(f.key(), f.type(), f.label(), f.description(), f.required(), f.minLength(),
                    f.maxLength(), f.min(), f.max(), f.pattern(), options, f.properties(), f.accept(), f.subtype(),
                    f.integer());
        }).toList());
    }

    public static final String CHOICES_FROM = "choicesFrom";

    public boolean hasFiles() {
        return fields.stream().anyMatch(FormField::isFile);
    }
}
