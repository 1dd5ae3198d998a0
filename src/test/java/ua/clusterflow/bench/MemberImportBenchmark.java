package ua.clusterflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Edrpou;

/**
 * Bringing in a register of 1,000 members, each with a contact new to the installation, into a cluster of its own,
 * through the coordinator's pages: the upload, the dry run's page, the import, and a second upload of the same file
 * and its dry run (every row already a member). Writes {@code target/bench/member-import.md} and {@code .json}.
 * It goes through the real door (the application on its port, the coordinator signed in through the login form)
 * and measures speed, not who may pass: the import's doors are proven on the real port by
 * {@link ua.clusterflow.shell.FeatureDoorsTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@DirtiesContext
class MemberImportBenchmark {

    static final int ROWS = 1000;
    static final int WARM_UP_ROWS = 300;

    @LocalServerPort int port;
    @Autowired ClusterDirectory directory;
    @Autowired JdbcClient jdbc;

    @Test
    void aRegisterOfAThousandMembers() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        warmUp("w" + run);
        String cluster = "import-" + run;
        RealDoor as = coordinatorOf(cluster, "127.0.50.12");
        byte[] file = register(run, ROWS).getBytes(StandardCharsets.UTF_8);

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("rows", ROWS);
        results.put("warmUpRows", WARM_UP_ROWS);
        long start = System.nanoTime();
        String id = upload(as, cluster, file);
        results.put("uploadSeconds", seconds(start));
        start = System.nanoTime();
        assertThat(as.get("/members/import/" + id).status()).isEqualTo(200);
        results.put("dryRunPageSeconds", seconds(start));
        CostAccount cost = CostAccount.open(jdbc, CostAccount.cpuOf(BenchDatabases.HISTORY,
                Map.of("application", CostAccount::ownCpuMillis)));
        start = System.nanoTime();
        assertThat(as.post("/members/import/" + id, Map.of()).status()).isEqualTo(302);
        results.put("importSeconds", seconds(start));
        results.put("importCostPerRow", cost.close(jdbc, ROWS, ROWS));
        long members = jdbc.sql("select count(*) from member_organisation where cluster_id = ?").param(cluster)
                .query(Long.class).single();
        results.put("membersBroughtIn", members);
        results.put("invitationsQueued", jdbc.sql("select count(*) from mail_outbox where recipient like ?")
                .param("imp-" + run + "-%").query(Long.class).single());

        start = System.nanoTime();
        String again = upload(as, cluster, file);
        assertThat(as.get("/members/import/" + again).status()).isEqualTo(200);
        assertThat(as.post("/members/import/" + again, Map.of()).status()).isEqualTo(302);
        results.put("rerunSeconds", seconds(start));
        results.put("membersAfterRerun", jdbc.sql("select count(*) from member_organisation where cluster_id = ?")
                .param(cluster).query(Long.class).single());

        BenchReport.write("member-import", results, r -> String.format(Locale.ROOT, """
                # Member import benchmark

                A register of %s members, each with a new contact, brought in through the coordinator's pages,
                after a register of %s members imported into another cluster to warm the server up.

                | step | seconds |
                |---|---|
                | upload (read and keep the file) | %s |
                | dry run page | %s |
                | import (one transaction, invitations queued) | %s |
                | second upload, dry run and import of the same file | %s |

                Members brought in: %s; invitations queued: %s; members after the second run: %s.

                The import's cost per row: %s CPU milliseconds (application, database), %s statements taking
                %s ms of the database's time; the statements that took it the most time are in the JSON.
                """, r.get("rows"), r.get("warmUpRows"), r.get("uploadSeconds"), r.get("dryRunPageSeconds"), r.get("importSeconds"),
                r.get("rerunSeconds"), r.get("membersBroughtIn"), r.get("invitationsQueued"),
                r.get("membersAfterRerun"), cost(r).get("cpuMillisPerCase"), cost(r).get("statementsPerCase"),
                cost(r).get("statementMillisPerCase")));
        assertThat(members).isEqualTo(ROWS);
        assertThat(results.get("membersAfterRerun")).isEqualTo(members);
    }

    /** A smaller register imported first into a cluster of its own, so the figures are those of a running server. */
    private void warmUp(String run) throws Exception {
        String cluster = "import-" + run;
        RealDoor as = coordinatorOf(cluster, "127.0.50.11");
        String id = upload(as, cluster, register(run, WARM_UP_ROWS).getBytes(StandardCharsets.UTF_8));
        assertThat(as.get("/members/import/" + id).status()).isEqualTo(200);
        assertThat(as.post("/members/import/" + id, Map.of()).status()).isEqualTo(302);
    }

    private RealDoor coordinatorOf(String cluster, String address) {
        return BenchCoordinators.signedInCoordinatorOf(directory, port, address, cluster, "Кластер імпорту " + cluster);
    }

    private String upload(RealDoor as, String cluster, byte[] file) throws Exception {
        as.get("/members/import?cluster=" + cluster);
        RealDoor.Answer uploaded = as.postWithFile("/members/import?cluster=" + cluster, Map.of(), "file",
                "register.csv", file);
        assertThat(uploaded.status()).isEqualTo(302);
        return uploaded.location().replaceAll(".*/members/import/", "");
    }

    private static String register(String run, int rows) {
        StringBuilder csv = new StringBuilder("Назва;ЄДРПОУ;Категорія;Регіон;Кількість працівників;Контактна особа;"
                + "E-mail контакту;Мова;Дата вступу;Сплачено до\n");
        String[] categories = {"МСП", "Велике підприємство", "Університет", "Стартап"};
        for (int i = 0; i < rows; i++) {
            String first7 = String.format("%07d", 2_000_000 + Math.floorMod(run.hashCode() * 7919 + i * 1_009, 7_000_000));
            csv.append("ТОВ «Імпорт ").append(i).append("»;").append(first7).append(Edrpou.checkDigit(first7))
                    .append(';').append(categories[i % categories.length]).append(";Харківська;").append(5 + i % 400)
                    .append(";Контакт Номер").append(i).append(";imp-").append(run).append('-').append(i)
                    .append("@example.com;uk;01.09.2023;").append(String.format("%02d.%02d.2027", 1 + i % 28,
                            1 + i % 12)).append('\n');
        }
        return csv.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cost(Map<String, Object> results) {
        return (Map<String, Object>) results.get("importCostPerRow");
    }

    private static double seconds(long since) {
        return BenchCoordinators.seconds(since);
    }
}
