package ua.clusterflow.cluster;

import java.util.Locale;
import java.util.Optional;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.FieldErrors;

/** Where a cluster's members pay their fees: the payee, its EDRPOU code and IBAN, named on every invoice. */
@Repository
public class PaymentDetails {

    public record Account(String payee, String payeeCode, String iban, String bank) {

        /** The IBAN in groups of four, as banks print it. */
        public String ibanPrinted() {
            return org.iban4j.Iban.valueOf(iban).toFormattedString();
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public PaymentDetails(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<Account> of(String clusterId) {
        return jdbc.sql("select payee, payee_code, iban, bank from cluster_payment_details where cluster_id = ?")
                .param(clusterId)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The problems of typed details by field, as message keys; none means {@link #normalised} can be saved. */
    public static FieldErrors problems(String payee, String payeeCode, String iban) {
        FieldErrors problems = new FieldErrors();
        if (payee == null || payee.isBlank() || payee.length() > 200) {
            problems.reject("payee", "error.required");
        }
        if (!Edrpou.isValid(Edrpou.normalise(payeeCode))) {
            problems.reject("payeeCode", "error.edrpou");
        }
        try {
            IbanUtil.validate(normalIban(iban));
        } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
            problems.reject("iban", "records.error.iban");
        }
        return problems;
    }

    public void save(String clusterId, String payee, String payeeCode, String iban, String bank, String by) {
        jdbc.sql("""
                insert into cluster_payment_details (cluster_id, payee, payee_code, iban, bank, updated_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (cluster_id) do update set payee = excluded.payee, payee_code = excluded.payee_code,
                    iban = excluded.iban, bank = excluded.bank, updated_by = excluded.updated_by, updated_at = now()""")
                .params(clusterId, payee.trim(), Edrpou.normalise(payeeCode), normalIban(iban),
                        bank == null || bank.isBlank() ? null : bank.trim(), by)
                .update();
        audit.record(AuditTrail.Change.toCluster(clusterId, AuditTrail.Area.PAYMENTS, "audit.paymentDetailsChanged",
                payee.trim() + " · " + normalIban(iban)));
    }

    private static String normalIban(String iban) {
        return iban == null ? "" : iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
