package ua.clusterflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.books.StatementFiles;
import ua.clusterflow.books.StatementFiles.Entry;
import ua.clusterflow.cluster.ClusterDirectory;

/**
 * A month's bank statement of 2,000 credits matched against a cluster's 3,000 open invoices, through the coordinator's
 * pages: the upload of the camt.053 file and the dry run's page of 2,000 lines (1,000 naming their invoice, 500 by the
 * payer's code and amount, 200 partial, 300 unknown). The invoices are written straight into the table (their PDFs
 * are not what is measured). Writes {@code target/bench/statement.md} and {@code .json}. It goes through the real
 * door (the application on its port, the coordinator signed in through the login form) and measures speed; who may
 * pass is proven by {@link ua.clusterflow.shell.FeatureDoorsTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@DirtiesContext
class StatementBenchmark {

    static final int INVOICES = 3000;
    static final int LINES = 2000;

    @LocalServerPort int port;
    @Autowired ClusterDirectory directory;
    @Autowired JdbcClient jdbc;

    @Test
    void aMonthsStatementAgainstThreeThousandInvoices() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        String warmUp = "stmt-w" + run;
        RealDoor warm = coordinatorOf(warmUp, "127.0.50.1");
        dryRun(warm, warmUp, statement(invoices(warmUp, 300), 200));

        String cluster = "stmt-" + run;
        RealDoor as = coordinatorOf(cluster, "127.0.50.2");
        List<Invoice> invoices = invoices(cluster, INVOICES);
        byte[] file = statement(invoices, LINES);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("invoices", INVOICES);
        results.put("lines", LINES);
        results.put("fileKilobytes", file.length / 1024);
        double[] seconds = dryRun(as, cluster, file);
        results.put("uploadSeconds", seconds[0]);
        results.put("dryRunPageSeconds", seconds[1]);
        results.put("dryRunSeconds", Math.round((seconds[0] + seconds[1]) * 100) / 100.0);
        BenchReport.write("statement", results, r -> String.format(Locale.ROOT, """
                # Bank statement benchmark

                A camt.053 statement of %s credits (%s KB) matched against a cluster's %s open invoices through the
                coordinator's pages, after a statement of 200 lines against 300 invoices in another cluster to warm
                the server up. Goal: the dry run within 5 s on 2 cores.

                | step | seconds |
                |---|---|
                | upload (read, check and keep the file) | %s |
                | dry run page (read again, match, 2,000 rows written out) | %s |
                | dry run, both | %s |
                """, r.get("lines"), r.get("fileKilobytes"), r.get("invoices"), r.get("uploadSeconds"),
                r.get("dryRunPageSeconds"), r.get("dryRunSeconds")));
        assertThat((double) results.get("dryRunSeconds")).as("measured").isPositive();
    }

    record Invoice(int number, int year, String code, BigDecimal amount) {
    }

    private double[] dryRun(RealDoor as, String cluster, byte[] file) throws Exception {
        as.get("/books/statements?cluster=" + cluster);
        long start = System.nanoTime();
        RealDoor.Answer uploaded = as.postWithFile("/books/statements?cluster=" + cluster, Map.of(), "file", "camt.xml",
                file);
        double upload = seconds(start);
        assertThat(uploaded.status()).isEqualTo(302);
        start = System.nanoTime();
        RealDoor.Answer shown = as.get(uploaded.location());
        double dryRun = seconds(start);
        assertThat(shown.status()).isEqualTo(200);
        String page = shown.body();
        assertThat(page).contains("data-kind=\"BY_NUMBER\"", "data-kind=\"BY_CODE\"", "data-kind=\"UNKNOWN\"");
        return new double[] {upload, dryRun};
    }

    /** The cluster's open invoices, numbered 1/year on, each of its own payer. */
    private List<Invoice> invoices(String cluster, int count) {
        int year = AppClock.today().getYear();
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Invoice invoice = new Invoice(i, year, String.format("%08d", 10_000_000 + i),
                    new BigDecimal(6000 + (i % 5) * 3000));
            jdbc.sql("""
                    insert into invoice (cluster_id, year, number, business_key, payer_name, payer_code, purpose, amount,
                                         issued_on, due_on, language, pdf)
                    values (?, ?, ?, ?, ?, ?, 'Членський внесок', ?, ?, ?, 'uk', ?)""")
                    .params(cluster, year, i, cluster + "-" + i, "ТОВ «Платник " + i + "»", invoice.code(),
                            invoice.amount(), AppClock.today(), AppClock.today().plusDays(30), new byte[0])
                    .update();
            invoices.add(invoice);
        }
        return invoices;
    }

    private static byte[] statement(List<Invoice> invoices, int lines) {
        LocalDate day = AppClock.today();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            Invoice invoice = invoices.get(i % invoices.size());
            int kind = i % 10;
            String reference = "BR-" + i;
            if (kind < 5) {
                entries.add(Entry.credit(day, invoice.amount().toPlainString(), "ТОВ «Платник»", invoice.code(),
                        "Членський внесок згідно рах. № " + invoice.number() + "/" + invoice.year(), reference));
            } else if (kind < 7) {
                entries.add(Entry.credit(day, invoice.amount().toPlainString(), "ТОВ «Платник»", invoice.code(),
                        "Членський внесок за рік", reference));
            } else if (kind == 7) {
                entries.add(Entry.credit(day, "1000.00", "ТОВ «Платник»", invoice.code(), "Частина внеску",
                        reference));
            } else {
                entries.add(Entry.credit(day, "250.00", "ФОП Донор " + i, null, "Благодійна допомога", reference));
            }
        }
        return StatementFiles.camt053(entries);
    }

    private RealDoor coordinatorOf(String cluster, String address) {
        return BenchCoordinators.signedInCoordinatorOf(directory, port, address, cluster, "Кластер виписок " + cluster);
    }

    private static double seconds(long since) {
        return BenchCoordinators.seconds(since);
    }
}
