package ua.clusterflow.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every text and byte column of the database's tables, read from its catalogue rather than named: what a person's
 * export gathers and what their erasure rewrites reaches a table added later without a change here.
 */
@Component
public class DatabaseText {

    /** A table with its text columns (and their longest length, 0 when unbounded) and its byte columns. */
    public record Table(String name, Map<String, Integer> texts, List<String> bytes) {
    }

    /** The rows of one table that name a person: as JSON without their bytes, and their bytes by column. */
    public record Found(String table, String json, Map<String, byte[]> bytes) {
    }

    private final JdbcClient jdbc;

    DatabaseText(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tables of the application's schema whose names pass the test. */
    public List<Table> tables(Predicate<String> named) {
        Map<String, Table> tables = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.table_name, c.column_name, c.data_type,
                               coalesce(c.character_maximum_length, 0) as length
                        from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                          and c.data_type in ('text', 'character varying', 'bytea')
                        order by c.table_name, c.ordinal_position""")
                .query((rs, n) -> {
                    Table table = tables.computeIfAbsent(rs.getString(1),
                            name -> new Table(name, new LinkedHashMap<>(), new ArrayList<>()));
                    if ("bytea".equals(rs.getString(3))) {
                        table.bytes().add(rs.getString(2));
                    } else {
                        table.texts().put(rs.getString(2), rs.getInt(4));
                    }
                    return null;
                }).list();
        return tables.values().stream().filter(t -> !t.texts().isEmpty() && named.test(t.name())).toList();
    }

    /**
     * The rows naming a person: a text column that is their identifier, or one that contains any of their texts
     * (their address, their name), in any case.
     */
    public List<Found> rowsNaming(List<Table> tables, String id, List<String> texts) {
        String pattern = pattern(texts);
        List<Found> found = new ArrayList<>();
        for (Table table : tables) {
            String bytes = table.bytes().stream().map(c -> ", " + quote(c)).collect(Collectors.joining());
            String sql = "select (to_jsonb(t) - ?::text[])::text" + bytes + " from " + quote(table.name()) + " t where "
                    + naming(table);
            jdbc.sql(sql).params(naming(table, id, pattern, table.bytes().toArray(String[]::new)))
                    .query((rs, n) -> {
                        Map<String, byte[]> content = new LinkedHashMap<>();
                        for (int i = 0; i < table.bytes().size(); i++) {
                            byte[] value = rs.getBytes(i + 2);
                            if (value != null && value.length > 0) {
                                content.put(table.bytes().get(i), value);
                            }
                        }
                        return found.add(new Found(table.name(), rs.getString(1), content));
                    }).list();
        }
        return found;
    }

    /**
     * The values of some columns (a phone number, say) in the rows naming a person: more texts that name them,
     * distinct and not blank.
     */
    public List<String> valuesNaming(List<Table> tables, String id, List<String> texts, Predicate<String> column) {
        String pattern = pattern(texts);
        List<String> values = new ArrayList<>();
        for (Table table : tables) {
            for (String c : table.texts().keySet().stream().filter(column).toList()) {
                jdbc.sql("select distinct " + quote(c) + " from " + quote(table.name()) + " where " + naming(table)
                                + " and coalesce(trim(" + quote(c) + "), '') <> ''")
                        .params(naming(table, id, pattern, null)).query(String.class).list().stream()
                        .filter(v -> !values.contains(v)).forEach(values::add);
            }
        }
        return values;
    }

    /** Empties the byte columns (documents, attachments) of the rows naming a person; how many rows had some. */
    public int emptyBytesNaming(List<Table> tables, String id, List<String> texts) {
        String pattern = pattern(texts);
        int emptied = 0;
        for (Table table : tables) {
            if (table.bytes().isEmpty()) {
                continue;
            }
            String set = table.bytes().stream().map(c -> quote(c) + " = '\\x'::bytea")
                    .collect(Collectors.joining(", "));
            emptied += jdbc.sql("update " + quote(table.name()) + " set " + set + " where " + naming(table))
                    .params(naming(table, id, pattern, null)).update();
        }
        return emptied;
    }

    /**
     * Rewrites every text column: a value that is the identifier, or names it as a word of its own (a mail that told
     * the person their login), gets {@code newId} in its place; each of the texts inside a value becomes the
     * erased name (cut to the column’s length). Returns the rows changed.
     */
    public int replace(List<Table> tables, String id, String newId, List<String> texts, String erasedName) {
        String pattern = pattern(texts);
        String word = "(?<![[:alnum:]_.-])" + escape(id) + "(?![[:alnum:]_-]|\\.[[:alnum:]])";
        int changed = 0;
        for (Table table : tables) {
            for (Map.Entry<String, Integer> column : table.texts().entrySet()) {
                String c = quote(column.getKey());
                String replaced = "regexp_replace(regexp_replace(" + c + ", ?, ?, 'gi'), ?, ?, 'g')";
                if (column.getValue() > 0) {
                    replaced = "left(" + replaced + ", " + column.getValue() + ")";
                }
                changed += jdbc.sql("update " + quote(table.name()) + " set " + c + " = case when " + c
                                + " = ? then ? else " + replaced + " end where " + c + " = ? or " + c + " ~* ? or " + c
                                + " ~ ?")
                        .params(id, newId, pattern, erasedName, word, newId, id, pattern, word).update();
            }
        }
        return changed;
    }

    private static String naming(Table table) {
        return table.texts().keySet().stream().map(c -> quote(c) + " = ? or " + quote(c) + " ~* ?")
                .collect(Collectors.joining(" or ", "(", ")"));
    }

    /** The parameters of {@link #naming(Table)}, after a first one when it is not null. */
    private static Object[] naming(Table table, String id, String pattern, Object first) {
        List<Object> params = new ArrayList<>();
        if (first != null) {
            params.add(first);
        }
        for (int i = 0; i < table.texts().size(); i++) {
            params.add(id);
            params.add(pattern);
        }
        return params.toArray();
    }

    /** One regular expression that finds any of the texts as written, each character taken literally. */
    static String pattern(List<String> texts) {
        List<String> written = texts.stream().filter(t -> t != null && !t.isBlank()).toList();
        if (written.isEmpty()) {
            throw new IllegalArgumentException("no text to find");
        }
        return written.stream().map(DatabaseText::escape).collect(Collectors.joining("|", "(", ")"));
    }

    /** A text as a regular expression that finds it as written: all but letters, digits and spaces escaped. */
    private static String escape(String text) {
        return text.strip().replaceAll("([^\\p{L}\\p{N} ])", "\\\\$1");
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
