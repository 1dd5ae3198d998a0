package ua.clusterflow.cluster;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AmountInWords;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.PdfRenderer;
import ua.clusterflow.mail.MailOutbox;

/**
 * A cluster's invoices as documents: each gets the next number of the cluster's year (1/2027, 2/2027, ...) without
 * gaps, one after the other on whichever node issues it, and a PDF in the payer's language with the cluster's payment
 * details, the payer, the purpose and the amount in figures and in words. A case's invoice is issued once: the step
 * that sends it, run again, sends the same one.
 */
@Repository
public class Invoices {

    /** An invoice as issued. */
    public record Invoice(long id, String clusterId, int year, int number, String businessKey, Long organisationId,
                          String payerName, String payerCode, String purpose, BigDecimal amount, LocalDate issuedOn,
                          LocalDate dueOn, String language, boolean cancelled, LocalDate paidOn,
                          BigDecimal paidAmount) {

        /** Neither paid nor cancelled: what the payer owes. */
        public boolean open() {
            return paidOn == null && !cancelled;
        }

        /** What is still to pay: the amount less what came in towards it, never below zero. */
        public BigDecimal outstanding() {
            return amount.subtract(paidAmount).max(BigDecimal.ZERO);
        }

        /** Days past its due day on the given day; 0 while it is not due yet. */
        public long daysOverdue(LocalDate on) {
            return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(dueOn, on));
        }

        /** As the invoice prints its number: 7/2027. */
        public String printed() {
            return number + "/" + year;
        }

        public String fileName() {
            return "invoice-" + number + "-" + year + ".pdf";
        }
    }

    /** What an invoice is for and to whom. */
    public record Issue(String clusterId, String businessKey, Long organisationId, String payerName, String payerCode,
                        String purpose, BigDecimal amount, LocalDate dueOn, String language) {
    }

    /** An invoice's columns but its PDF, which is read alone when it is downloaded or attached. */
    private static final String COLUMNS = "id, cluster_id, year, number, business_key, organisation_id, payer_name, "
            + "payer_code, purpose, amount, issued_on, due_on, language, cancelled_at, paid_on, paid_amount";

    private final JdbcClient jdbc;
    private final PdfRenderer pdf;
    private final PaymentDetails payments;
    private final ClusterDirectory directory;
    private final AuditTrail audit;

    public Invoices(JdbcClient jdbc, PdfRenderer pdf, PaymentDetails payments, ClusterDirectory directory,
                    AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.payments = payments;
        this.directory = directory;
    }

    /** The case's invoice: issued now with the next number, or the one issued for it before. */
    @Transactional
    public Invoice issue(Issue issue) {
        LocalDate today = AppClock.today();
        int year = today.getYear();
        int number = YearNumbers.next(jdbc, "invoice", issue.clusterId(), year);
        Optional<Invoice> before = ofCase(issue.businessKey());
        if (before.isPresent()) {
            return before.get();
        }
        String language = "en".equals(issue.language()) ? "en" : "uk";
        Invoice invoice = new Invoice(0, issue.clusterId(), year, number, issue.businessKey(), issue.organisationId(),
                issue.payerName(), issue.payerCode(), issue.purpose(), issue.amount(), today, issue.dueOn(), language,
                false, null, BigDecimal.ZERO);
        byte[] document = render(invoice);
        long id = jdbc.sql("""
                insert into invoice (cluster_id, year, number, business_key, organisation_id, payer_name, payer_code,
                                     purpose, amount, issued_on, due_on, language, pdf)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(issue.clusterId(), year, number, issue.businessKey(), issue.organisationId(),
                        issue.payerName(), issue.payerCode(), issue.purpose(), issue.amount(), today, issue.dueOn(),
                        language, document)
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** The case's invoice is paid, on the day and with the reference the coordinator confirmed. */
    public void paid(String businessKey, LocalDate paidOn, String reference) {
        int paid = jdbc.sql("""
                update invoice set paid_on = ?, payment_reference = ?
                where business_key = ? and cancelled_at is null and paid_on is null""")
                .params(paidOn, reference, businessKey).update();
        if (paid > 0) {
            ofCase(businessKey).ifPresent(invoice -> audit(invoice, "audit.invoicePaid",
                    invoice.printed() + " · " + Detail.date(paidOn) + (reference == null ? "" : " · " + reference)));
        }
    }

    /**
     * A payment towards the invoice, as a bank statement's line brought it: kept as a payment of its own and added
     * to what was paid.
     */
    public void recordPayment(long invoiceId, BigDecimal amount, LocalDate paidOn, String reference,
                              String recordedBy) {
        jdbc.sql("""
                insert into invoice_payment (invoice_id, amount, paid_on, reference, recorded_by)
                values (?, ?, ?, ?, ?)""")
                .params(invoiceId, amount, paidOn, reference, recordedBy).update();
        jdbc.sql("update invoice set paid_amount = paid_amount + ? where id = ?").params(amount, invoiceId).update();
        find(invoiceId).ifPresent(invoice -> audit(invoice, "audit.paymentRecorded",
                invoice.printed() + " · " + Detail.money(amount, "UAH") + " · " + Detail.date(paidOn)));
    }

    /** The case's invoice is cancelled (its payment was not made): it keeps its number, marked cancelled. */
    public void cancel(String businessKey) {
        int cancelled = jdbc.sql(
                        "update invoice set cancelled_at = ? where business_key = ? and cancelled_at is null and paid_on is null")
                .params(java.sql.Timestamp.from(AppClock.now()), businessKey).update();
        if (cancelled > 0) {
            ofCase(businessKey).ifPresent(invoice -> audit(invoice, "audit.invoiceCancelled", invoice.printed()));
        }
    }

    private void audit(Invoice invoice, String what, String detail) {
        audit.record(AuditTrail.Change.toCase(invoice.clusterId(), invoice.businessKey(), invoice.organisationId(),
                invoice.payerName(), AuditTrail.Area.PAYMENTS, what, detail));
    }

    /** An applicant's invoice becomes its organisation's once it is a member. */
    public void belongsTo(String businessKey, long organisationId) {
        jdbc.sql("update invoice set organisation_id = ? where business_key = ?").params(organisationId, businessKey)
                .update();
    }

    /** The cluster's open invoices, the longest overdue first. */
    public List<Invoice> open(String clusterId) {
        return jdbc.sql("select " + COLUMNS + """
                 from invoice where cluster_id = ? and paid_on is null and cancelled_at is null
                order by due_on, year, number""").param(clusterId).query(Invoices::toInvoice).list();
    }

    /** The PDF as a mail's attachment. */
    public MailOutbox.Attachment attachment(Invoice invoice) {
        return new MailOutbox.Attachment(invoice.fileName(), "application/pdf", pdf(invoice.id()));
    }

    public Optional<Invoice> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from invoice where id = ?").param(id).query(Invoices::toInvoice)
                .optional();
    }

    /** The case's invoice that stands (not cancelled). */
    public Optional<Invoice> ofCase(String businessKey) {
        return jdbc.sql("select " + COLUMNS
                        + " from invoice where business_key = ? and cancelled_at is null order by id limit 1")
                .param(businessKey).query(Invoices::toInvoice).optional();
    }

    /** An organisation's invoices, newest first. */
    public List<Invoice> ofOrganisation(long organisationId) {
        return jdbc.sql("select " + COLUMNS + " from invoice where organisation_id = ? order by issued_on desc, id desc")
                .param(organisationId).query(Invoices::toInvoice).list();
    }

    public byte[] pdf(long id) {
        return jdbc.sql("select pdf from invoice where id = ?").param(id).query(byte[].class).single();
    }

    private byte[] render(Invoice invoice) {
        Locale locale = Locale.forLanguageTag(invoice.language());
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoice", invoice);
        variables.put("clusterName", directory.clusterName(invoice.clusterId()));
        variables.put("account", payments.of(invoice.clusterId()).orElse(null));
        variables.put("inWords", AmountInWords.hryvnias(invoice.amount(), locale));
        return pdf.render("invoice", locale, variables);
    }

    private static Invoice toInvoice(ResultSet rs, int n) throws SQLException {
        return new Invoice(rs.getLong("id"), rs.getString("cluster_id"), rs.getInt("year"), rs.getInt("number"),
                rs.getString("business_key"), (Long) rs.getObject("organisation_id"), rs.getString("payer_name"),
                rs.getString("payer_code"), rs.getString("purpose"), rs.getBigDecimal("amount"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getString("language"), rs.getTimestamp("cancelled_at") != null,
                rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("paid_amount"));
    }
}
