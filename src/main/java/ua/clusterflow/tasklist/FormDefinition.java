package ua.clusterflow.tasklist;

import java.util.List;
import java.util.Optional;

/** A form from {@code forms/}: its id and the fields it shows, in order. */
public record FormDefinition(String id, List<FormField> fields) {

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> key.equals(f.key())).findFirst();
    }

    public boolean hasFiles() {
        return fields.stream().anyMatch(FormField::isFile);
    }
}
