package ua.clusterflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.cluster.ClusterDirectory;

/**
 * The audit trail at the scale of an alliance: 30 clusters with five years of changes each (30,000 lines a cluster,
 * 900,000 in all, about 30 changes a year for each of 200 members), read by a coordinator through the application's
 * real port: the newest page, a search by a member's name, by a person's login, a month, and a page far back. The lines
 * are written straight into the table (what is measured is reading them). Goal: p95 ≤ 50 ms each. Writes
 * {@code target/bench/audit-trail.md} and {@code .json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@DirtiesContext
class AuditTrailBenchmark {

    static final int CLUSTERS = 30;
    static final int LINES_PER_CLUSTER = 30_000;
    static final int MEMBERS = 200;
    static final int ROUNDS = 100;
    static final double GOAL = 50;

    @LocalServerPort int port;
    @Autowired ClusterDirectory directory;
    @Autowired JdbcClient jdbc;

    @Test
    void theTrailOfAnAllianceIsReadAndSearchedWithinItsGoal() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        String cluster = "audit-" + run;
        RealDoor coordinator = BenchCoordinators.signedInCoordinatorOf(directory, port, "127.0.50.11", cluster,
                "Кластер журналу " + cluster);
        long start = System.nanoTime();
        for (int c = 0; c < CLUSTERS; c++) {
            lines(c == 0 ? cluster : cluster + "-other" + c);
        }
        jdbc.sql("analyze audit_entry").update();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("clusters", CLUSTERS);
        results.put("lines", jdbc.sql("select count(*) from audit_entry").query(Long.class).single());
        results.put("writeSeconds", BenchCoordinators.seconds(start));

        String base = "/audit?cluster=" + cluster;
        LocalDate month = AppClock.today().minusYears(2).withDayOfMonth(1);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("newest page", base);
        pages.put("by a member's name", base + "&person=" + URLEncoder.encode("член 137»", StandardCharsets.UTF_8));
        pages.put("by a person's login", base + "&person=" + cluster + "-c");
        pages.put("one month", base + "&from=" + month + "&to=" + month.plusMonths(1).minusDays(1));
        pages.put("twentieth page back", base + "&page=20");
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Map<String, Object> figure = new LinkedHashMap<>(Timings.of(ROUNDS, () -> {
                RealDoor.Answer answer = coordinator.get(page.getValue());
                if (answer.status() != 200 || !answer.body().contains("<tr data-area")) {
                    throw new IllegalStateException(page.getKey() + ": " + answer.status());
                }
            }));
            figure.put("met", Timings.p95(figure) <= GOAL);
            figures.put(page.getKey(), figure);
        }
        results.put("pages", figures);
        BenchReport.write("audit-trail", results, AuditTrailBenchmark::markdown);
        assertThat(figures).hasSize(pages.size());
    }

    /** Five years of a cluster's changes, 87 minutes apart, the newest now: its members', roles, payments. */
    private void lines(String cluster) {
        jdbc.sql("""
                insert into audit_entry (cluster_id, at, actor, actor_id, area, what, detail, person, organisation_id,
                                         subject)
                select ?, now() - g * interval '87 minutes', 'Дарина Координатор', ? || '-c',
                       (array['PEOPLE', 'ROLES', 'STATUSES', 'RECORDS', 'PAYMENTS'])[1 + g % 5],
                       (array['audit.roleGranted', 'event.year-open', 'membership.reason.details-changed',
                              'audit.paymentRecorded', 'event.dues'])[1 + g % 5],
                       'Рядок ' || g || ' · ⟦money|1200.00|UAH⟧', ? || '-p' || (g % 40), g % ?,
                       'ТОВ «Член ' || (g % ?) || '»'
                from generate_series(1, ?) g""")
                .params(cluster, cluster, cluster, MEMBERS, MEMBERS, LINES_PER_CLUSTER)
                .update();
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("# Audit trail at the scale of an alliance\n\n");
        md.append(String.format(Locale.ROOT, "%s clusters, %s lines in all (written in %s s); a coordinator of one "
                        + "reads through the real port, signed in through the login form; %d rounds after %d "
                        + "unmeasured. Goal: p95 ≤ %.0f ms.%n%n| page | p50 / p95 / p99 ms | goal met |%n|---|---|---|%n",
                results.get("clusters"), results.get("lines"), results.get("writeSeconds"), ROUNDS, Timings.WARM_UP,
                GOAL));
        ((Map<String, Object>) results.get("pages")).forEach((name, figure) -> md.append("| ").append(name)
                .append(" | ").append(Timings.cell(figure)).append(" | ")
                .append(((Map<String, Object>) figure).get("met")).append(" |\n"));
        return md.toString();
    }
}
