package ua.clusterflow.membership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.AuditTrail;
import ua.clusterflow.cluster.ClusterAdminService;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.cluster.Person;

/**
 * Brings in the members a cluster already has, from the register it kept in a spreadsheet: the file is read and kept
 * for a dry run that shows each row's problems beside its cells, the coordinator corrects rows in place, and the good
 * rows are brought in once, in one transaction. Rows already in the cluster are reported, not brought in again, so a
 * second run of the same file changes nothing.
 */
@Service
public class MemberImport {

    /** More rows than a cluster's register holds are not a register. */
    public static final int MAX_ROWS = 5000;

    /** One problem with a cell: a message key and what it names. */
    public record Problem(String key, String arg) {
    }

    /** A row as read, where it stood in the file, what is wrong with it, and whether the import brought it in. */
    public record Row(int line, Map<String, String> cells, Map<String, Problem> problems, boolean brought) {

        public boolean good() {
            return problems.isEmpty();
        }

        public String cell(String field) {
            return cells.getOrDefault(field, "");
        }
    }

    /** An upload with its rows checked against the file and the cluster as they are now. */
    public record Check(UUID id, String clusterId, String fileName, List<Row> rows, boolean imported,
                        Integer importedRows, boolean mapped, boolean remappable) {

        public long good() {
            return rows.stream().filter(Row::good).count();
        }

        public long withProblems() {
            return rows.size() - good();
        }
    }

    /**
     * An upload's columns as the coordinator confirms them: the file's header with an example of each column, which
     * column each field is read from, and the one value given for every row where the file has no column.
     */
    public record Columns(UUID id, String clusterId, String fileName, List<String> header, List<String> examples,
                          Map<String, Integer> chosen, Map<String, String> sameForAll, boolean imported) {
    }

    /** A field's column as confirmed, or the one value for every row. */
    private record Mapping(Map<String, Integer> columns, Map<String, String> sameForAll) {
    }

    /** What the import did with a row, kept in the row as stored. */
    private static final String BROUGHT = "brought";
    private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final MemberOrganisationRepository organisations;
    private final MembershipService membership;
    private final ClusterAdminService admin;
    private final ClusterDirectory directory;
    private final MemberSheet sheet;
    private final AuditTrail audit;
    private final ObjectMapper json = new ObjectMapper();

    public MemberImport(JdbcClient jdbc, MemberOrganisationRepository organisations, MembershipService membership,
                        ClusterAdminService admin, ClusterDirectory directory, MemberSheet sheet, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
        this.membership = membership;
        this.admin = admin;
        this.directory = directory;
        this.sheet = sheet;
    }

    /**
     * Reads an uploaded file and keeps its rows for the dry run.
     *
     * @throws MemberSheet.Unreadable with the message key of what is wrong with the file as a whole
     */
    @Transactional
    public UUID upload(String clusterId, String fileName, byte[] content, String by) {
        MemberSheet.Table table = sheet.read(fileName, content);
        if (table.rows().size() > MAX_ROWS) {
            throw new MemberSheet.Unreadable("members.import.error.tooManyRows", String.valueOf(MAX_ROWS));
        }
        Map<String, Integer> guessed = sheet.guess(table.header());
        boolean template = sheet.isTemplate(table.header(), guessed);
        List<Map<String, String>> rows = template ? MemberSheet.rows(table, guessed, Map.of()) : List.of();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into member_import (id, cluster_id, file_name, rows, sheet, columns, mapped, created_by,
                                           created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, clusterId, fileName, write(rows), write(table), write(new Mapping(guessed, Map.of())),
                        template, by, Timestamp.from(AppClock.now())).update();
        return id;
    }

    public Optional<Check> check(UUID id) {
        return load(id).map(upload -> new Check(id, upload.clusterId, upload.fileName,
                checkRows(upload.clusterId, upload.rows), upload.importedAt != null, upload.importedRows,
                upload.mapped, upload.sheet != null && upload.importedAt == null));
    }

    /** The columns of an upload to confirm: as guessed from its header, or as the coordinator last chose them. */
    public Optional<Columns> columns(UUID id) {
        return load(id).filter(upload -> upload.sheet != null).map(upload -> {
            MemberSheet.Table table = upload.sheet;
            List<String> examples = new ArrayList<>();
            for (int c = 0; c < table.header().size(); c++) {
                examples.add(table.example(c));
            }
            return new Columns(id, upload.clusterId, upload.fileName, table.header(), examples,
                    upload.mapping.columns(), upload.mapping.sameForAll(), upload.importedAt != null);
        });
    }

    /**
     * The coordinator confirmed which column holds which field: the rows are read again under that choice (in
     * place of any corrections made before) for the dry run. Refused (false) once the upload was brought in.
     */
    @Transactional
    public boolean map(UUID id, Map<String, Integer> columns, Map<String, String> sameForAll) {
        Upload upload = lock(id).orElse(null);
        if (upload == null || upload.importedAt != null || upload.sheet == null) {
            return false;
        }
        Map<String, Integer> chosen = new LinkedHashMap<>();
        columns.forEach((field, column) -> {
            if (MemberSheet.FIELDS.contains(field) && column >= 0 && column < upload.sheet.header().size()
                    && !chosen.containsValue(column)) {
                chosen.put(field, column);
            }
        });
        Map<String, String> same = new LinkedHashMap<>();
        sameForAll.forEach((field, value) -> {
            if (MemberSheet.FIELDS.contains(field) && !chosen.containsKey(field) && !value.isBlank()) {
                same.put(field, value.strip());
            }
        });
        jdbc.sql("update member_import set rows = ?, columns = ?, mapped = true where id = ?")
                .params(write(MemberSheet.rows(upload.sheet, chosen, same)), write(new Mapping(chosen, same)), id)
                .update();
        return true;
    }

    /** The coordinator corrected a row in the dry run; refused (false) once the upload was brought in. */
    @Transactional
    public boolean correct(UUID id, int line, Map<String, String> cells) {
        Upload upload = lock(id).orElse(null);
        if (upload == null || upload.importedAt != null) {
            return false;
        }
        for (Map<String, String> row : upload.rows) {
            if (String.valueOf(line).equals(row.get(MemberSheet.LINE))) {
                for (String field : MemberSheet.FIELDS) {
                    if (cells.containsKey(field)) {
                        row.put(field, cells.get(field).strip());
                    }
                }
            }
        }
        jdbc.sql("update member_import set rows = ? where id = ?").params(write(upload.rows), id).update();
        return true;
    }

    /**
     * Brings in the good rows in one transaction: each organisation current from its joining day and paid up to its
     * day, its contact its main contact and invited to set a password. Done once: a second call (a double click, a
     * second tab) brings in nothing and returns what the first brought in.
     */
    @Transactional
    public int run(UUID id, String by) {
        Upload upload = lock(id).orElseThrow();
        if (upload.importedAt != null) {
            return upload.importedRows;
        }
        if (!upload.mapped) {
            return 0;
        }
        int brought = 0;
        List<Row> checked = checkRows(upload.clusterId, upload.rows);
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i).good()) {
                bringIn(id, upload.clusterId, checked.get(i), by);
                upload.rows.get(i).put(BROUGHT, "yes");
                brought++;
            }
        }
        jdbc.sql("""
                update member_import set rows = ?, imported_at = ?, imported_by = ?, imported_rows = ? where id = ?""")
                .params(write(upload.rows), Timestamp.from(AppClock.now()), by, brought, id).update();
        audit.record(AuditTrail.Change.toCluster(upload.clusterId, AuditTrail.Area.RECORDS, "audit.importDone",
                upload.fileName + " · " + brought));
        return brought;
    }

    private void bringIn(UUID importId, String clusterId, Row row, String by) {
        String[] names = row.cell("contactName").split("\\s+", 2);
        boolean created = directory.personByEmail(row.cell("contactEmail").strip().toLowerCase(Locale.ROOT)).isEmpty();
        Person contact = admin.personFor(clusterId, names[0], names.length > 1 ? names[1] : "",
                row.cell("contactEmail"), row.cell("language").isEmpty() ? "uk" : row.cell("language"), Role.MEMBER,
                new ClusterAdminService.ForOrganisation(null, row.cell("name"), OrganisationRole.MAIN), by).person();
        LocalDate joined = MemberSheet.date(row.cell("joinedOn"));
        long id = organisations.insert(new MemberOrganisation(null, clusterId, row.cell("name"),
                code(row.cell("edrpou")), sheet.category(row.cell("category")), "other",
                Integer.parseInt(row.cell("headcount")), row.cell("region"), null, null, contact.id(), null, null,
                AppClock.startOf(joined).toInstant()), "imported");
        String year = membership.bringIn(id, MemberSheet.date(row.cell("paidUntil")));
        jdbc.sql("""
                insert into member_import_organisation (import_id, organisation_id, year_case, contact_user, contact_created)
                values (?, ?, ?, ?, ?)""").params(importId, id, year, contact.id(), created).update();
    }

    /**
     * Every row's problems, beside its cells: against the other rows of the file and the members of the cluster. A
     * row the import brought in has none: it is in the cluster because of this file.
     */
    List<Row> checkRows(String clusterId, List<Map<String, String>> rows) {
        Set<String> inCluster = new HashSet<>(jdbc.sql(
                "select edrpou from member_organisation where cluster_id = ?").param(clusterId).query(String.class).list());
        Map<String, String> firstLine = new HashMap<>();
        List<Row> checked = new ArrayList<>();
        for (Map<String, String> cells : rows) {
            Map<String, Problem> problems = new LinkedHashMap<>();
            String line = cells.get(MemberSheet.LINE);
            Map<String, String> shown = new LinkedHashMap<>(cells);
            shown.remove(MemberSheet.LINE);
            if (shown.remove(BROUGHT) != null) {
                checked.add(new Row(Integer.parseInt(line), shown, problems, true));
                continue;
            }
            if (blank(cells.get("name"))) {
                problems.put("name", new Problem("error.required", null));
            } else if (cells.get("name").length() > 300) {
                problems.put("name", new Problem("error.maxLength", "300"));
            }
            for (String field : List.of("name", "contactName", "region")) {
                if (!problems.containsKey(field) && looksLikeAFormula(cells.get(field))) {
                    problems.put(field, new Problem("members.import.error.formula", null));
                }
            }
            String edrpou = code(cells.getOrDefault("edrpou", ""));
            if (blank(edrpou)) {
                problems.put("edrpou", new Problem("error.required", null));
            } else if (!Edrpou.isValid(edrpou)) {
                problems.put("edrpou", new Problem("error.edrpou", null));
            } else if (inCluster.contains(edrpou)) {
                problems.put("edrpou", new Problem("members.import.error.inCluster", null));
            } else if (firstLine.containsKey(edrpou)) {
                problems.put("edrpou", new Problem("members.import.error.inFile", firstLine.get(edrpou)));
            } else {
                firstLine.put(edrpou, line);
            }
            if (sheet.category(cells.getOrDefault("category", "")) == null) {
                problems.put("category", new Problem("members.import.error.category",
                        String.join(", ", sheet.categoryNames())));
            }
            String headcount = cells.getOrDefault("headcount", "").strip();
            if (!headcount.matches("\\d{1,7}") || Integer.parseInt(headcount) < 1) {
                problems.put("headcount", new Problem("error.integer", null));
            }
            if (blank(cells.get("contactName"))) {
                problems.put("contactName", new Problem("error.required", null));
            }
            String email = cells.getOrDefault("contactEmail", "").strip();
            if (email.isEmpty()) {
                problems.put("contactEmail", new Problem("members.import.error.noEmail", null));
            } else if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || email.length() > 200) {
                problems.put("contactEmail", new Problem("error.email", null));
            }
            String language = cells.getOrDefault("language", "").strip().toLowerCase(Locale.ROOT);
            if (!language.isEmpty() && !Set.of("uk", "en").contains(language)) {
                problems.put("language", new Problem("members.import.error.language", null));
            }
            LocalDate joined = MemberSheet.date(cells.getOrDefault("joinedOn", ""));
            if (joined == null) {
                problems.put("joinedOn", new Problem("error.date", null));
            } else if (joined.isAfter(AppClock.today())) {
                problems.put("joinedOn", new Problem("error.date.future", null));
            }
            LocalDate paidUntil = MemberSheet.date(cells.getOrDefault("paidUntil", ""));
            if (paidUntil == null) {
                problems.put("paidUntil", new Problem("error.date", null));
            } else if (joined != null && !paidUntil.isAfter(joined)) {
                problems.put("paidUntil", new Problem("members.import.error.paidBeforeJoined", null));
            }
            checked.add(new Row(Integer.parseInt(line), shown, problems, false));
        }
        return checked;
    }

    /** An EDRPOU as a cell holds it: spaces and dashes left out, the leading zeros a spreadsheet dropped put back. */
    static String code(String typed) {
        String code = Edrpou.normalise(typed.strip());
        return code.matches("\\d{5,7}") ? "0".repeat(8 - code.length()) + code : code;
    }

    /**
     * A cell a spreadsheet would take for a formula (=1+1, +380..., @SUM): a name is never one, and one brought in
     * would run when the register is opened in a spreadsheet.
     */
    static boolean looksLikeAFormula(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private record Upload(String clusterId, String fileName, List<Map<String, String>> rows, Timestamp importedAt,
                          Integer importedRows, MemberSheet.Table sheet, Mapping mapping, boolean mapped) {
    }

    private Optional<Upload> load(UUID id) {
        return jdbc.sql("select * from member_import where id = ?").param(id).query((rs, n) -> new Upload(
                rs.getString("cluster_id"), rs.getString("file_name"), read(rs.getString("rows")),
                rs.getTimestamp("imported_at"), (Integer) rs.getObject("imported_rows"),
                rs.getString("sheet") == null ? null : read(rs.getString("sheet"), MemberSheet.Table.class),
                rs.getString("columns") == null ? new Mapping(Map.of(), Map.of())
                        : read(rs.getString("columns"), Mapping.class), rs.getBoolean("mapped"))).optional();
    }

    private Optional<Upload> lock(UUID id) {
        jdbc.sql("select id from member_import where id = ? for update").param(id).query(UUID.class).optional();
        return load(id);
    }

    /** Which cluster an upload belongs to, for the access check. */
    public Optional<String> clusterOf(UUID id) {
        return jdbc.sql("select cluster_id from member_import where id = ?").param(id).query(String.class).optional();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, String>> read(String rows) {
        try {
            return json.readValue(rows, ROWS).stream().map(m -> (Map<String, String>) new LinkedHashMap<>(m))
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
