package ua.clusterflow.books;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Sha256;
import ua.clusterflow.base.SheetReader;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.Invoices.Invoice;
import ua.clusterflow.tasklist.FileTypes;
import ua.clusterflow.tasklist.engine.PaymentConfirmations;

/**
 * The cluster's bank statements: uploaded as the bank exports them (camt.053, CSV or XLSX), matched to the open
 * invoices in a dry run that books nothing, and booked by the coordinator line by line: each line's payment added to
 * its invoice, and an invoice paid in full completes its case's payment step as the coordinator's confirmation does.
 * A line is booked once, whichever statement brings it again.
 */
@Service
public class BankStatements {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    /** A statement as uploaded. */
    public record Statement(long id, String clusterId, String fileName, String format, String uploadedBy,
                            Instant uploadedAt, String bookedBy, Instant bookedAt) {
    }

    /** The dry run: the lines and what they would do, or the columns still to confirm for a CSV or XLSX export. */
    public record DryRun(Statement statement, List<StatementMatcher.Match> matches, StatementSheet.Table table,
                         Map<String, Integer> columns) {

        public boolean needsColumns() {
            return matches == null;
        }
    }

    /** What booking did: the lines booked, and each line not booked with why. */
    public record Booking(int booked, int completed, Map<Integer, String> refused) {
    }

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final PaymentConfirmations confirmations;
    private final TransactionTemplate transaction;

    public BankStatements(JdbcClient jdbc, Invoices invoices, PaymentConfirmations confirmations,
                          TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.confirmations = confirmations;
        this.transaction = transaction;
    }

    /** Keeps the file for its dry run; the same file uploaded again is the statement it was. */
    public long upload(CurrentUser user, String clusterId, String fileName, byte[] content) throws StatementProblem {
        if (content.length == 0) {
            throw new StatementProblem("books.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new StatementProblem("error.file.size", "10");
        }
        String format = format(fileName, content);
        String hash = Sha256.hex(content);
        Optional<Long> before = jdbc.sql("select id from bank_statement where cluster_id = ? and file_hash = ?")
                .params(clusterId, hash).query(Long.class).optional();
        if (before.isPresent()) {
            return before.get();
        }
        // read once now, so that a file that is no statement is refused at the upload
        if (format.equals("camt")) {
            Camt053.read(content);
        } else {
            StatementSheet.read(content, format.equals("xlsx"));
        }
        return jdbc.sql("""
                insert into bank_statement (cluster_id, file_name, file_hash, format, content, uploaded_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (cluster_id, file_hash) do update set file_name = excluded.file_name
                returning id""")
                .params(clusterId, FileTypes.safeName(fileName), hash, format, content, user.name())
                .query(Long.class).single();
    }

    public Optional<Statement> find(long id) {
        return jdbc.sql("""
                select id, cluster_id, file_name, format, uploaded_by, uploaded_at, booked_by, booked_at
                from bank_statement where id = ?""").param(id).query(BankStatements::toStatement).optional();
    }

    /** The cluster's statements, the latest first. */
    public List<Statement> ofCluster(String clusterId) {
        return jdbc.sql("""
                select id, cluster_id, file_name, format, uploaded_by, uploaded_at, booked_by, booked_at
                from bank_statement where cluster_id = ? order by uploaded_at desc, id desc limit 50""")
                .param(clusterId).query(BankStatements::toStatement).list();
    }

    /** The statement's lines matched against the cluster's open invoices now, or its columns to confirm first. */
    public DryRun dryRun(Statement statement) throws StatementProblem {
        byte[] content = content(statement.id());
        List<StatementLine> lines;
        if (statement.format().equals("camt")) {
            lines = Camt053.read(content);
        } else {
            StatementSheet.Table table = StatementSheet.read(content, statement.format().equals("xlsx"));
            Map<String, Integer> columns = savedColumns(statement.clusterId(), table.header());
            if (columns == null) {
                return new DryRun(statement, null, table, StatementSheet.guess(table.header()));
            }
            lines = StatementSheet.lines(table, columns);
        }
        Set<String> booked = new HashSet<>(jdbc.sql("select line_key from bank_statement_line where cluster_id = ?")
                .param(statement.clusterId()).query(String.class).list());
        return new DryRun(statement, StatementMatcher.match(lines, invoices.open(statement.clusterId()), booked,
                AppClock.today()), null, null);
    }

    /** Keeps which column holds which field for the cluster's statements, by the header's text. */
    public void saveColumns(String clusterId, List<String> header, Map<String, Integer> columns) {
        StringBuilder saved = new StringBuilder();
        columns.forEach((field, column) -> saved.append(field).append('=').append(header.get(column)).append('\n'));
        jdbc.sql("""
                insert into statement_columns (cluster_id, columns) values (?, ?)
                on conflict (cluster_id) do update set columns = excluded.columns""")
                .params(clusterId, saved.toString()).update();
    }

    /**
     * Books the lines the coordinator confirmed, each to the invoice chosen for it (line position → invoice id), each
     * line in a transaction of its own: its payment is added to its invoice, and an invoice paid in full completes its
     * case's payment step. A line booked before, by anyone, is not booked again.
     */
    public Booking book(CurrentUser user, Statement statement, Map<Integer, Long> chosen) throws StatementProblem {
        DryRun run = dryRun(statement);
        if (run.needsColumns()) {
            throw new StatementProblem("books.error.columns");
        }
        Map<Integer, String> refused = new LinkedHashMap<>();
        int booked = 0;
        int completed = 0;
        for (StatementMatcher.Match match : run.matches()) {
            Long invoiceId = chosen.get(match.line().position());
            if (invoiceId == null) {
                continue;
            }
            Invoice invoice = match.candidates().stream().filter(i -> i.id() == invoiceId).findFirst().orElse(null);
            if (!match.bookable() || invoice == null) {
                refused.put(match.line().position(), match.problem() == null ? "books.line.notThatInvoice"
                        : match.problem());
                continue;
            }
            LineBooked result;
            try {
                result = transaction.execute(status -> {
                    LineBooked line = bookLine(user, statement, match, invoice.id());
                    if (line.problem() != null) {
                        status.setRollbackOnly();
                    }
                    return line;
                });
            } catch (RuntimeException e) {
                // another change of the same case meanwhile: the line stays unbooked, to book again
                result = new LineBooked("books.line.failed", false);
            }
            if (result.problem() == null) {
                booked++;
                completed += result.completed() ? 1 : 0;
            } else {
                refused.put(match.line().position(), result.problem());
            }
        }
        jdbc.sql("update bank_statement set booked_by = ?, booked_at = ? where id = ?")
                .params(user.name(), Timestamp.from(AppClock.now()), statement.id()).update();
        return new Booking(booked, completed, refused);
    }

    /** What booking a line did: why it was not booked, or whether it completed its case's payment step. */
    private record LineBooked(String problem, boolean completed) {
    }

    private LineBooked bookLine(CurrentUser user, Statement statement, StatementMatcher.Match match, long invoiceId) {
        StatementLine line = match.line();
        // what the payment does to the invoice as it stands now, other lines and statements booked before it counted
        Invoice before = invoices.find(invoiceId).orElseThrow();
        StatementMatcher.Effect effect = StatementMatcher.effect(line.amount(), before, new HashMap<>());
        int inserted = jdbc.sql("""
                insert into bank_statement_line (statement_id, cluster_id, line_key, booked_on, amount, payer_name,
                                                 payer_code, purpose, invoice_id, outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (cluster_id, line_key) do nothing""")
                .params(statement.id(), statement.clusterId(), match.key(), line.bookedOn(), line.amount(),
                        cut(line.payerName(), 300), cut(line.payerCode(), 12), cut(line.purpose(), 1000), invoiceId,
                        effect.name())
                .update();
        if (inserted == 0) {
            return new LineBooked("books.line.duplicate", false);
        }
        String reference = line.bankReference() != null ? line.bankReference() : statement.fileName();
        invoices.recordPayment(invoiceId, line.amount(), line.bookedOn(), cut(reference, 300), user.name());
        if (effect == StatementMatcher.Effect.PARTIAL) {
            return new LineBooked(null, false);
        }
        String note = statement.fileName() + " · " + line.position() + (line.purpose() == null ? ""
                : " · " + cut(line.purpose(), 1500));
        PaymentConfirmations.Outcome outcome = confirmations.confirm(user, before.businessKey(), line.bookedOn(),
                cut(reference, 100), note);
        return outcome.done() ? new LineBooked(null, true) : new LineBooked(outcome.problem(), false);
    }

    private Map<String, Integer> savedColumns(String clusterId, List<String> header) {
        String saved = jdbc.sql("select columns from statement_columns where cluster_id = ?").param(clusterId)
                .query(String.class).optional().orElse(null);
        if (saved == null) {
            return null;
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String pair : saved.split("\n")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            int column = header.indexOf(pair.substring(eq + 1));
            if (column < 0) {
                // another bank's export, or the bank changed its columns: confirm them again
                return null;
            }
            columns.put(pair.substring(0, eq), column);
        }
        return columns.keySet().containsAll(StatementSheet.REQUIRED) ? columns : null;
    }

    private byte[] content(long id) {
        return jdbc.sql("select content from bank_statement where id = ?").param(id).query(byte[].class).single();
    }

    private static String format(String fileName, byte[] content) throws StatementProblem {
        String extension = FileTypes.extensionOf(FileTypes.safeName(fileName == null ? "" : fileName));
        if (Camt053.is(content)) {
            return "camt";
        }
        if (SheetReader.isZip(content) && extension.equals("xlsx")) {
            return "xlsx";
        }
        if ((extension.equals("csv") || extension.equals("txt")) && FileTypes.detect(content) == null) {
            return "csv";
        }
        throw new StatementProblem("books.error.format");
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }


    private static Statement toStatement(ResultSet rs, int n) throws SQLException {
        Timestamp booked = rs.getTimestamp("booked_at");
        return new Statement(rs.getLong("id"), rs.getString("cluster_id"), rs.getString("file_name"),
                rs.getString("format"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
                rs.getString("booked_by"), booked == null ? null : booked.toInstant());
    }
}
