package ua.clusterflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.dashboard.DashboardService;
import ua.clusterflow.shell.IdentityAuthenticationProvider;

/**
 * The dashboard at the scale of an alliance: 30 clusters of 100 member organisations each, every one carried through
 * the onboarding process, generated once into {@code bench-data/} and reused. Measures the dashboard's computation,
 * its page and the alliance view, beside the same figures for a demo-size cluster in the same run, and writes
 * {@code target/bench/dashboard.md} and {@code .json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("bench")
@DirtiesContext
class DashboardBenchmark {

    static final int ROUNDS = 5;

    @Autowired ApplicationContext context;
    @Autowired ClusterDirectory directory;
    @Autowired DashboardService dashboards;
    @Autowired IdentityAuthenticationProvider people;
    @Autowired MockMvc mvc;

    @Test
    void theDashboardAtTheScaleOfAnAlliance() throws Exception {
        long generation = generate();
        List<String> clusters = new ArrayList<>();
        for (int c = 1; c <= BenchData.CLUSTERS; c++) {
            clusters.add(BenchData.cluster(c));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("clusters", directory.clusters().size());
        results.put("memberOrganisations", clusters.stream()
                .mapToInt(c -> (int) dashboards.forCluster(c).target("activeMembers").value()).sum());
        results.put("generationSeconds", generation / 1000.0);

        measure(results, "computeAtScale", ROUNDS, clusters, c -> dashboards.forCluster(c));
        measure(results, "computeDemoCluster", ROUNDS * BenchData.CLUSTERS, List.of("kharkiv"), c -> dashboards.forCluster(c));
        measure(results, "pageAtScale", ROUNDS, clusters, c -> mvc.perform(get("/dashboard").param("cluster", c)
                .with(as(c + "-coordinator"))).andExpect(status().isOk()));
        measure(results, "pageDemoCluster", ROUNDS * BenchData.CLUSTERS, List.of("kharkiv"), c -> mvc.perform(get("/dashboard")
                .param("cluster", c).with(as("olena"))).andExpect(status().isOk()));
        measure(results, "alliancePage", ROUNDS, List.of("all"), c -> mvc.perform(get("/dashboard/alliance")
                .with(as("admin"))).andExpect(status().isOk()));
        write(results);
    }

    /** Generates the clusters and their members through the onboarding process, unless an earlier run did. */
    private long generate() {
        long start = System.currentTimeMillis();
        new BenchData(context).clusters();
        return System.currentTimeMillis() - start;
    }

    interface Step {
        void run(String cluster) throws Exception;
    }

    /** One warm-up round, then {@code rounds} over every cluster; p50, p95 and p99 in milliseconds. */
    private static void measure(Map<String, Object> results, String name, int rounds, List<String> clusters, Step step)
            throws Exception {
        for (String c : clusters) {
            step.run(c);
        }
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String c : clusters) {
                long start = System.nanoTime();
                step.run(c);
                times.add((System.nanoTime() - start) / 1_000_000.0);
            }
        }
        results.put(name, Timings.figure(times));
    }

    private static void write(Map<String, Object> results) throws IOException {
        BenchReport.write("dashboard", results, DashboardBenchmark::markdown);
        assertThat(BenchReport.FOLDER.resolve("dashboard.json")).exists();
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("# Dashboard benchmark\n\n");
        md.append("Clusters: ").append(results.get("clusters")).append(", member organisations in the 30 bench "
                + "clusters: ").append(results.get("memberOrganisations")).append(", data generation this run: ")
                .append(results.get("generationSeconds")).append(" s (checks only when the data is reused).\n\n");
        md.append("| measure | samples | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, Object> e : results.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                Map<String, Object> f = (Map<String, Object>) m;
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", e.getKey(), f.get("samples"),
                        f.get("p50"), f.get("p95"), f.get("p99")));
            }
        }
        Map<String, Object> scale = (Map<String, Object>) results.get("pageAtScale");
        Map<String, Object> small = (Map<String, Object>) results.get("pageDemoCluster");
        double growth = (Double) scale.get("p95") / Math.max(0.1, (Double) small.get("p95"));
        md.append(String.format(Locale.ROOT, "%nPage p95 at scale / demo-size cluster: %.2f%n", growth));
        results.put("pageGrowthRatio", Math.round(growth * 100) / 100.0);
        return md.toString();
    }

    private static String cluster(int c) {
        return String.format("bench-%02d", c);
    }

    private RequestPostProcessor as(String userId) {
        CurrentUser user = people.load(userId);
        return authentication(new UsernamePasswordAuthenticationToken(user, null, user.authorities()));
    }
}
