package ua.clusterflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;

/**
 * What ClusterFlow holds about a person, given to them on request, and their erasure on request. Both read the
 * database's catalogue, not a list of tables: a row belongs to the person when a text column is their identifier or
 * names them (their address, their name as "first last" or "last first").
 */
@Service
public class PersonalData {

    /** What an erased person's names and address become wherever a record of them has to stay. */
    public static final String ERASED_NAME = "[видалено / erased]";

    /** Where the person was found: rows by table. */
    public record Found(Person person, Map<String, Integer> rowsByTable, int documents) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ClusterDirectory directory;
    private final AccountRecords accounts;
    private final DatabaseText text;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PersonalData(ClusterDirectory directory, AccountRecords accounts, DatabaseText text, JdbcClient jdbc,
                 AuditTrail audit) {
        this.audit = audit;
        this.directory = directory;
        this.accounts = accounts;
        this.text = text;
        this.jdbc = jdbc;
    }

    /** The texts that name the person in the records: their address and their full name, in both orders. */
    static List<String> texts(Person person) {
        List<String> texts = new ArrayList<>();
        texts.add(person.email());
        String first = person.firstName() == null ? "" : person.firstName().strip();
        String last = person.lastName() == null ? "" : person.lastName().strip();
        if (!first.isEmpty() && !last.isEmpty()) {
            texts.add(first + " " + last);
            texts.add(last + " " + first);
        }
        // a surname alone (a mail's greeting, a signature) when it is long enough not to be part of common words
        if (last.length() >= 4) {
            texts.add(last);
        }
        return texts;
    }

    /** Where the person is named, for the administrator who is about to erase them. */
    @Transactional(readOnly = true)
    public Found find(Person person) {
        Map<String, Integer> rows = new TreeMap<>();
        int documents = 0;
        for (DatabaseText.Found row : rows(person)) {
            rows.merge(row.table(), 1, Integer::sum);
            documents += row.bytes().size();
        }
        return new Found(person, rows, documents);
    }

    /**
     * Everything held about the person as a ZIP: {@code person.json} (the account, then every row naming them, by
     * table, without passwords) and each document or attachment of those rows under {@code documents/}.
     */
    @Transactional(readOnly = true)
    public byte[] export(Person person) {
        ObjectNode root = JSON.createObjectNode();
        root.put("exportedAt", AppClock.now().toString());
        root.set("account", JSON.valueToTree(accounts.account(person.id())));
        ObjectNode records = root.putObject("records");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            int n = 0;
            for (DatabaseText.Found row : rows(person)) {
                ObjectNode values = (ObjectNode) JSON.readTree(row.json());
                ArrayNode files = values.putArray("documents");
                for (Map.Entry<String, byte[]> bytes : row.bytes().entrySet()) {
                    String name = "documents/" + (++n) + "-" + fileName(values, row.table(), bytes.getKey());
                    out.putNextEntry(new ZipEntry(name));
                    out.write(bytes.getValue());
                    out.closeEntry();
                    files.add(name);
                }
                if (files.isEmpty()) {
                    values.remove("documents");
                }
                (records.has(row.table()) ? (ArrayNode) records.get(row.table()) : records.putArray(row.table()))
                        .add(values);
            }
            out.putNextEntry(new ZipEntry("person.json"));
            out.write(JSON.writeValueAsBytes(root));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    /**
     * Erases the person: their sessions ended, their documents and attachments emptied, every text naming them (their
     * name, their address, the phone numbers they gave) in ClusterFlow's and the engine's tables replaced by
     * {@link #ERASED_NAME} and their identifier by {@code erased-N}, their account closed. The erasure itself is
     * recorded, naming nobody. Returns the identifier the records keep.
     */
    @Transactional
    public String erase(Person person, String by, String reason) {
        long number = jdbc.sql("insert into person_erasure (erased_by, erased_at, reason) values (?, ?, ?) returning id")
                .params(by, Timestamp.from(AppClock.now()), reason.strip()).query(Long.class).single();
        String erasedId = "erased-" + number;
        jdbc.sql("update person_erasure set erased_as = ? where id = ?").params(erasedId, number).update();
        // written before the replacement below, which turns the person's name and login in them into the stand-in;
        // each of their clusters sees it
        Set<String> clusters = directory.rolesOf(person.id()).keySet();
        for (String clusterId : clusters.isEmpty() ? Collections.<String>singleton(null) : clusters) {
            audit.record(AuditTrail.Change.toPerson(clusterId, AuditTrail.Area.PEOPLE, "audit.personErased",
                    reason.strip(), person.id(), person.displayName()));
        }
        jdbc.sql("delete from spring_session where principal_name = ?").param(person.id()).update();
        List<DatabaseText.Table> own = ownTables();
        List<String> texts = new ArrayList<>(texts(person));
        // the phone numbers they gave are theirs too, wherever else they were copied (the engine's variables)
        texts.addAll(text.valuesNaming(own, person.id(), texts, column -> column.contains("phone")));
        text.emptyBytesNaming(own, person.id(), texts);
        text.replace(own, person.id(), erasedId, texts, ERASED_NAME);
        accounts.erase(person.id(), erasedId, texts, ERASED_NAME);
        return erasedId;
    }

    private List<DatabaseText.Found> rows(Person person) {
        return text.rowsNaming(ownTables(), person.id(), texts(person));
    }

    private List<DatabaseText.Table> ownTables() {
        return text.tables(table -> !accounts.holds(table) && !table.startsWith("spring_session")
                && !table.equals("flyway_schema_history"));
    }

    /** A document's name in the ZIP: the row's own file name when it has one. */
    private static String fileName(ObjectNode values, String table, String column) {
        for (String field : List.of("file_name", "attachment_name")) {
            JsonNode name = values.get(field);
            if (name != null && name.isTextual() && !name.asText().isBlank()) {
                return name.asText().replaceAll("[\\\\/:*?\"<>|]", "_");
            }
        }
        return table + "-" + column + ".bin";
    }
}
