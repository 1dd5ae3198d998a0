package ua.clusterflow.tasklist;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A form from {@code forms/}: its id and the fields it shows, in order. */
public record FormDefinition(String id, List<FormField> fields) {

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> key.equals(f.key())).findFirst();
    }

    /** The same form with only these fields, in the form's order: a page that edits a part of what it collected. */
    public FormDefinition only(Collection<String> keys) {
        return new FormDefinition(id, fields.stream().filter(f -> keys.contains(f.key())).toList());
    }

    public boolean hasFiles() {
        return fields.stream().anyMatch(FormField::isFile);
    }
}
