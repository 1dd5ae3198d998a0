package ua.clusterflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;
import ua.clusterflow.AppProcess;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.Processes;
import ua.clusterflow.onboarding.OnboardingService;
import ua.clusterflow.cluster.Edrpou;

/**
 * How many onboarding cases, application to welcome, the application carries per second: over HTTP, by 16 people
 * working at once (Gatling, {@link OnboardingSimulation}, its HTML report kept under {@code target/bench/gatling/}),
 * beside the same people taking the same steps through Camunda's REST API in the same run, the peer a team would
 * build on plain Camunda ({@link EngineRestSimulation}, under {@code gatling-engine-rest/}), beside the same BPMN
 * driven by 16 threads through the services and the engine's Java API in one JVM, and beside
 * {@code pgbench -N} with 16 clients on the same PostgreSQL, the ceiling. Also the application's start-up time to the
 * first served login page, on the benchmark's database and on an empty one, and its resident memory idle and under
 * load. Runs on the database with the finished cases ({@code bench-data/postgres}), in a cluster of its own, and the
 * cases per second and their cost again on the copy without them ({@code bench-data/open}).
 */
class ThroughputBenchmark {

    static final String LOAD_CLUSTER = "bench-load";
    static final int USERS = 16;
    /** The measured span of each round; shorter with {@code -Dbench.throughput.seconds}, for a quick look. */
    static final int SECONDS = Integer.getInteger("bench.throughput.seconds", 60);
    /** Unmeasured load first, on each side, so that neither pays for its JIT compilation in the measured minute. */
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.throughput.warmUpSeconds", 60);
    /**
     * How often each side's warm-up runs, in turns: after one turn each, the pages' first measured minute still cost
     * 15 % more CPU a case than their second, the REST API's no more, so the first round measured the pages' code
     * still being compiled after the REST API's.
     */
    static final int WARM_UP_TURNS = Integer.getInteger("bench.throughput.warmUpTurns", 2);

    @Test
    @SuppressWarnings("unchecked")
    void casesPerSecondOverHttpBesideTheEngineAndTheDatabase() throws Exception {
        BenchDatabases.prepare(TaskListBenchmark.OPEN_TASKS, TaskListBenchmark.FINISHED_CASES);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("users", USERS);
        results.put("seconds", SECONDS);
        results.put("inProcess", inProcess(BenchDatabases.HISTORY));

        int port = Processes.freePort();
        int databasePort = Processes.freePort();
        AppProcess app = startApp(BenchDatabases.HISTORY, port, databasePort);
        try {
            results.put("startupSeconds", app.startupSeconds());
            Thread.sleep(10_000);
            results.put("idleMegabytes", app.residentMegabytes());
            results.put("idleDatabaseMegabytes", AppProcess.databaseResidentMegabytes(BenchDatabases.HISTORY));
            JdbcClient jdbc = database(databasePort, "postgres");
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(app.residentMegabytes(), Math::max);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            // both sides warmed up before either is measured (the code they share is compiled by then); then the
            // pages, the REST API, the REST API again, the pages again, each side's two minutes counted as one window:
            // what either side leaves the other (the database's vacuum of the rows it wrote, a fuller heap) falls on
            // both alike
            for (int turn = 1; turn <= WARM_UP_TURNS; turn++) {
                String suffix = turn == 1 ? "" : "-" + turn;
                gatling(port, jdbc, WARM_UP_SECONDS, OnboardingSimulation.class, "gatling-warm-up" + suffix);
                gatling(port, jdbc, WARM_UP_SECONDS, EngineRestSimulation.class, "gatling-engine-rest-warm-up" + suffix);
            }
            Map<String, LongSupplier> cpu = CostAccount.cpuOf(BenchDatabases.HISTORY,
                    Map.of("application", app::cpuMillis, "loadGenerator", CostAccount::ownCpuMillis));
            Window pages = Window.open(jdbc, cpu);
            measure(pages, port, jdbc, OnboardingSimulation.class, "gatling");
            Window rest = Window.open(jdbc, cpu);
            measure(rest, port, jdbc, EngineRestSimulation.class, "gatling-engine-rest");
            measure(rest, port, jdbc, EngineRestSimulation.class, "gatling-engine-rest-round-2");
            results.put("engineRest", rest.close(jdbc));
            measure(pages, port, jdbc, OnboardingSimulation.class, "gatling-round-2");
            results.put("http", pages.close(jdbc));
            sampler.interrupt();
            results.put("underLoadMegabytes", peak.get());
            results.put("pgbench", pgbench(jdbc, databasePort));
        } finally {
            app.stop();
        }

        // the same on the copy without the finished cases: how the cost of a case grows with the history; its
        // application warmed up as long as the other's was before its first measured minute
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("inProcess", inProcess(BenchDatabases.OPEN));
        int openPort = Processes.freePort();
        int openDatabasePort = Processes.freePort();
        AppProcess openApp = startApp(BenchDatabases.OPEN, openPort, openDatabasePort);
        try {
            JdbcClient openJdbc = database(openDatabasePort, "postgres");
            gatling(openPort, openJdbc, 2 * WARM_UP_TURNS * WARM_UP_SECONDS, OnboardingSimulation.class,
                    "gatling-open-warm-up");
            Window window = Window.open(openJdbc, CostAccount.cpuOf(BenchDatabases.OPEN,
                    Map.of("application", openApp::cpuMillis, "loadGenerator", CostAccount::ownCpuMillis)));
            measure(window, openPort, openJdbc, OnboardingSimulation.class, "gatling-open");
            open.put("http", window.close(openJdbc));
        } finally {
            openApp.stop();
        }
        results.put("withoutFinishedCases", open);

        Path empty = BenchReport.FOLDER.resolve("empty-database");
        FileSystemUtils.deleteRecursively(empty);
        AppProcess fresh = startApp(empty, Processes.freePort(), Processes.freePort());
        try {
            results.put("startupEmptyDatabaseSeconds", fresh.startupSeconds());
            Thread.sleep(10_000);
            results.put("idleEmptyDatabaseMegabytes", fresh.residentMegabytes());
        } finally {
            fresh.stop();
        }
        BenchReport.write("throughput", results, ThroughputBenchmark::markdown);
        assertThat(results).containsKeys("http", "engineRest", "inProcess", "pgbench", "withoutFinishedCases");
        for (Map<String, Object> run : List.of((Map<String, Object>) results.get("http"),
                (Map<String, Object>) results.get("engineRest"), (Map<String, Object>) open.get("http"))) {
            assertThat((Long) run.get("cases")).as("cases carried over HTTP").isPositive();
            assertThat(run.get("gatlingExitCode")).as("every request of the simulation answered as expected").isEqualTo(0);
        }
    }

    /** A client of one database on the embedded PostgreSQL listening on {@code port}. */
    private static JdbcClient database(int port, String name) {
        return JdbcClient.create(new DriverManagerDataSource(
                "jdbc:postgresql://localhost:" + port + "/" + name, "postgres", "postgres"));
    }

    /**
     * One measured run of {@code simulation} against the application in its own JVM, counted in {@code window} (the
     * window's span ends with the run); the report goes under {@code folder}.
     */
    private static void measure(Window window, int port, JdbcClient jdbc, Class<? extends OnboardingSimulation> simulation,
                                String folder) {
        window.resume(jdbc);
        window.exitCodes().add(gatling(port, jdbc, SECONDS, simulation, folder));
        window.pause(jdbc);
    }

    /**
     * The cases and engine steps finished in its spans, per second and with what they cost; each span's cases per
     * second and CPU a case beside the whole, and the exit code of any load generator run in it that failed.
     */
    static final class Window {

        private final CostAccount cost;
        private final List<Integer> exitCodes = new ArrayList<>();
        private final List<long[]> spans = new ArrayList<>();
        private Instant start;
        private long membersAtStart;

        private Window(CostAccount cost) {
            this.cost = cost;
        }

        /** A window, counting from its first {@link #resume}; {@code cpu} reads the CPU milliseconds of each process. */
        static Window open(JdbcClient jdbc, Map<String, LongSupplier> cpu) {
            return new Window(CostAccount.paused(jdbc, cpu));
        }

        List<Integer> exitCodes() {
            return exitCodes;
        }

        /** Starts a span: cases, steps and costs are counted from now. */
        void resume(JdbcClient jdbc) {
            cost.resume(jdbc);
            start = Instant.now();
            membersAtStart = members(jdbc);
        }

        /** Ends the span. */
        void pause(JdbcClient jdbc) {
            Instant end = Instant.now();
            long steps = jdbc.sql("select count(*) from act_hi_actinst where end_time_ >= ? and end_time_ < ?")
                    .params(Timestamp.from(start), Timestamp.from(end)).query(Long.class).single();
            cost.pause(jdbc);
            spans.add(new long[] {Duration.between(start, end).toMillis(), members(jdbc) - membersAtStart, steps});
        }

        /** The figures of all spans (ended by {@link #pause}). */
        Map<String, Object> close(JdbcClient jdbc) {
            double seconds = spans.stream().mapToLong(span -> span[0]).sum() / 1000.0;
            long cases = spans.stream().mapToLong(span -> span[1]).sum();
            long steps = spans.stream().mapToLong(span -> span[2]).sum();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("seconds", Math.round(seconds * 10) / 10.0);
            figures.put("cases", cases);
            figures.put("casesPerSecond", Math.round(cases / seconds * 100) / 100.0);
            figures.put("engineSteps", steps);
            figures.put("engineStepsPerSecond", Math.round(steps / seconds * 10) / 10.0);
            figures.put("engineStepsPerCase", Math.round(steps / (double) Math.max(1, cases) * 10) / 10.0);
            figures.putAll(cost.close(jdbc, cases, steps));
            if (spans.size() > 1) {
                List<Long> cpuOfSpans = cost.cpuOfSpans();
                List<Double> perSecond = new ArrayList<>();
                List<Double> cpuPerCase = new ArrayList<>();
                for (int i = 0; i < spans.size(); i++) {
                    long[] span = spans.get(i);
                    perSecond.add(Math.round(span[1] * 100_000.0 / span[0]) / 100.0);
                    cpuPerCase.add(Math.round(cpuOfSpans.get(i) * 10.0 / Math.max(1, span[1])) / 10.0);
                }
                figures.put("rounds", perSecond);
                figures.put("roundsCpuMillisPerCase", cpuPerCase);
            }
            if (!exitCodes.isEmpty()) {
                figures.put("gatlingExitCode", exitCodes.stream().filter(code -> code != 0).findFirst().orElse(0));
            }
            return figures;
        }

        private static long members(JdbcClient jdbc) {
            return jdbc.sql("select count(*) from onboarding_application where cluster_id = ? and status = 'MEMBER'")
                    .param(LOAD_CLUSTER).query(Long.class).single();
        }
    }

    /**
     * 16 threads carry cases through the onboarding service and the engine's task service for the same time, after as
     * long a warm-up as over HTTP.
     */
    private static Map<String, Object> inProcess(Path database) throws Exception {
        try (ConfigurableApplicationContext context = BenchDatabases.start(database)) {
            new BenchData(context).cluster(LOAD_CLUSTER, "Кластер навантаження");
            removeUnfinished(context);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            AtomicInteger codes = new AtomicInteger(firstCode(jdbc));
            carry(context, codes, WARM_UP_SECONDS);
            Window window = Window.open(jdbc, CostAccount.cpuOf(database, Map.of("application", CostAccount::ownCpuMillis)));
            window.resume(jdbc);
            carry(context, codes, SECONDS);
            window.pause(jdbc);
            return window.close(jdbc);
        }
    }

    /**
     * Removes the load cluster's cases an earlier run left unfinished (a warm-up's last ones, or all of a run stopped
     * half-way), so that every run finds the cluster's open tasks alike: they would otherwise grow run after run.
     */
    private static void removeUnfinished(ConfigurableApplicationContext context) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        List<String> ids = runtime.createProcessInstanceQuery().tenantIdIn(LOAD_CLUSTER).rootProcessInstances().list()
                .stream().map(ProcessInstance::getId).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            runtime.deleteProcessInstances(ids.subList(from, Math.min(ids.size(), from + 500)), "unfinished benchmark case",
                    true, true);
        }
    }

    private static void carry(ConfigurableApplicationContext context, AtomicInteger codes, int seconds) throws Exception {
        OnboardingService onboarding = context.getBean(OnboardingService.class);
        TaskService tasks = context.getBean(TaskService.class);
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        List<Future<?>> workers = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            workers.add(pool.submit(() -> {
                while (System.currentTimeMillis() < deadline) {
                    String first7 = String.valueOf(codes.getAndIncrement());
                    String edrpou = first7 + Edrpou.checkDigit(first7);
                    CaseSteps.onboard(onboarding, tasks, LOAD_CLUSTER, CaseSteps.applicationValues(
                            "ТОВ «Навантаження " + edrpou + "»", edrpou, "load-" + edrpou + "@bench.example.com"),
                            BenchData.coordinator(LOAD_CLUSTER),
                            List.of(LOAD_CLUSTER + "-board1", LOAD_CLUSTER + "-board2"), true);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    /**
     * The first of the EDRPOU codes not used in the load cluster yet, past the highest one applied with, so every case
     * of a run is a new organisation however many codes an earlier run drew without applying.
     */
    private static int firstCode(JdbcClient jdbc) {
        return 1 + jdbc.sql("""
                select coalesce(max(substr(edrpou, 1, 7)::int), 8999999) from onboarding_application
                where cluster_id = ? and edrpou like '9%'""").param(LOAD_CLUSTER).query(Integer.class).single();
    }

    private static int gatling(int port, JdbcClient jdbc, int seconds, Class<? extends OnboardingSimulation> simulation,
                               String folder) {
        System.setProperty("bench.baseUrl", "http://localhost:" + port);
        System.setProperty("bench.cluster", LOAD_CLUSTER);
        System.setProperty("bench.users", String.valueOf(USERS));
        System.setProperty("bench.seconds", String.valueOf(seconds));
        System.setProperty("bench.firstCode", String.valueOf(firstCode(jdbc)));
        return io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", simulation.getName(),
                "--results-folder", BenchReport.FOLDER.resolve(folder).toString()});
    }

    /** pgbench's simple update transactions per second with as many clients as users, on a database of its own. */
    private static Map<String, Object> pgbench(JdbcClient jdbc, int databasePort) throws Exception {
        if (jdbc.sql("select count(*) from pg_database where datname = 'pgbench'").query(Long.class).single() == 0) {
            jdbc.sql("create database pgbench").update();
        }
        Processes.runAsPostgres("pgbench", "-h", "localhost", "-p", String.valueOf(databasePort), "-U", "postgres",
                "-i", "-s", "10", "-q", "pgbench");
        JdbcClient pgbenchDatabase = database(databasePort, "pgbench");
        CostAccount cost = CostAccount.open(pgbenchDatabase, CostAccount.cpuOf(BenchDatabases.HISTORY, Map.of()));
        String output = Processes.runAsPostgres("pgbench", "-h", "localhost", "-p",
                String.valueOf(databasePort), "-U", "postgres", "-N", "-c", String.valueOf(USERS), "-j", "2", "-T",
                "30", "pgbench");
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        Matcher processed = Pattern.compile("transactions actually processed: ([0-9]+)").matcher(output);
        assertThat(tps.find() && processed.find()).as("pgbench output: %s", output).isTrue();
        long transactions = Long.parseLong(processed.group(1));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", USERS);
        figures.put("scale", 10);
        figures.put("tps", Double.parseDouble(tps.group(1)));
        figures.put("transactions", transactions);
        // a pgbench transaction counted as one case and one step: the costs below are per transaction
        figures.put("perTransaction", cost.close(pgbenchDatabase, transactions, transactions));
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> results) {
        Map<String, Object> http = (Map<String, Object>) results.get("http");
        Map<String, Object> rest = (Map<String, Object>) results.get("engineRest");
        Map<String, Object> engine = (Map<String, Object>) results.get("inProcess");
        Map<String, Object> pgbench = (Map<String, Object>) results.get("pgbench");
        double httpToRest = (Double) http.get("casesPerSecond") / Math.max(0.01, (Double) rest.get("casesPerSecond"));
        double httpToEngine = (Double) http.get("casesPerSecond") / Math.max(0.01, (Double) engine.get("casesPerSecond"));
        double stepsToPgbench = (Double) http.get("engineStepsPerSecond") / (Double) pgbench.get("tps");
        results.put("httpToEngineRest", Math.round(httpToRest * 100) / 100.0);
        results.put("httpToInProcess", Math.round(httpToEngine * 100) / 100.0);
        results.put("httpStepsToPgbenchTps", Math.round(stepsToPgbench * 100) / 100.0);
        StringBuilder md = new StringBuilder("# Throughput, start-up and memory\n\n");
        md.append(String.format("%s users at once, in measured runs of %s s after %s turns of %s s of unmeasured load on "
                + "each side, onboarding cases from application to welcome.%n%n", results.get("users"),
                results.get("seconds"), WARM_UP_TURNS, WARM_UP_SECONDS));
        md.append("| driver | cases | cases/s | engine steps/s |\n|---|---|---|---|\n");
        md.append(String.format("| HTTP, the app's pages (Gatling) | %s | %s | %s |%n", http.get("cases"),
                http.get("casesPerSecond"), http.get("engineStepsPerSecond")));
        md.append(String.format("| HTTP, Camunda's REST API (Gatling) | %s | %s | %s |%n", rest.get("cases"),
                rest.get("casesPerSecond"), rest.get("engineStepsPerSecond")));
        md.append(String.format("| services + engine Java API, one JVM | %s | %s | %s |%n", engine.get("cases"),
                engine.get("casesPerSecond"), engine.get("engineStepsPerSecond")));
        md.append(String.format("| pgbench -N, %s clients (transactions/s) | | | %s |%n", pgbench.get("clients"),
                pgbench.get("tps")));
        md.append(String.format("%nThe app's pages and the REST API each in two measured minutes, in the order pages, REST API, "
                + "REST API, pages (after a warm-up of each), so that neither runs only after the other: the "
                + "pages %s cases/s (CPU ms a case, all processes: %s), the REST API %s (%s).%n", http.get("rounds"),
                http.get("roundsCpuMillisPerCase"), rest.get("rounds"), rest.get("roundsCpuMillisPerCase")));
        md.append(String.format("%nThe app's pages / Camunda's REST API, cases per second: **%.2f** (goal ≥ 1.0, aim "
                + "1.3): %s.%n%nReferences, without goals: the app's pages / one JVM, cases per second: %.2f; engine "
                + "steps per second over the app's pages / pgbench transactions per second: %.2f.%n", httpToRest,
                httpToRest >= 1.0 ? "met" : "missed", httpToEngine, stepsToPgbench));
        md.append(costs(http, rest, engine, (Map<String, Object>) pgbench.get("perTransaction")));
        md.append(growth(http, engine, (Map<String, Object>) results.get("withoutFinishedCases")));
        md.append("\n| start-up and memory | value |\n|---|---|\n");
        for (String key : List.of("startupSeconds", "startupEmptyDatabaseSeconds", "idleMegabytes",
                "idleDatabaseMegabytes", "underLoadMegabytes", "idleEmptyDatabaseMegabytes")) {
            md.append("| ").append(key).append(" | ").append(results.get(key)).append(" |\n");
        }
        return md.toString();
    }

    /**
     * What a case cost each driver, beside a pgbench transaction: CPU milliseconds by process, the database's
     * statements, transactions and rows written; then the statements that took the database the most time over HTTP.
     */
    @SuppressWarnings("unchecked")
    private static String costs(Map<String, Object> http, Map<String, Object> rest, Map<String, Object> engine,
                                Map<String, Object> pgbench) {
        List<Map<String, Object>> runs = List.of(http, rest, engine, pgbench);
        StringBuilder md = new StringBuilder("\n## What a case costs\n\n");
        md.append("| per case (pgbench: per transaction) | the app's pages | Camunda's REST API | one JVM | pgbench -N |\n"
                + "|---|---|---|---|---|\n");
        for (String process : List.of("application", "loadGenerator", "database", "all")) {
            md.append("| CPU ms, ").append(process);
            for (Map<String, Object> run : runs) {
                md.append(" | ").append(((Map<String, Object>) run.get("cpuMillisPerCase")).getOrDefault(process, ""));
            }
            md.append(" |\n");
        }
        md.append("| CPU ms of the database per engine step (pgbench: per transaction)");
        for (Map<String, Object> run : runs) {
            double steps = run == pgbench ? 1 : ((Number) run.get("engineStepsPerCase")).doubleValue();
            double database = ((Number) ((Map<String, Object>) run.get("cpuMillisPerCase")).get("database")).doubleValue();
            md.append(String.format(" | %.2f", database / Math.max(0.1, steps)));
        }
        md.append(" |\n");
        for (String figure : List.of("engineStepsPerCase", "statementsPerCase", "statementMillisPerCase",
                "planningMillisPerCase", "transactionsPerCase", "rowsWrittenPerCase", "rowsWrittenPerEngineStep")) {
            md.append("| ").append(figure);
            for (Map<String, Object> run : runs) {
                md.append(" | ").append(run == pgbench && figure.equals("engineStepsPerCase") ? "" : run.getOrDefault(figure, ""));
            }
            md.append(" |\n");
        }
        md.append(topStatements("the app's pages", http)).append(topStatements("Camunda's REST API", rest));
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static String topStatements(String driver, Map<String, Object> run) {
        StringBuilder md = new StringBuilder("\nStatements that took the database the most time through " + driver + ":\n\n"
                + "| statement | calls per case | mean ms | ms per case | planning ms per case |\n|---|---|---|---|---|\n");
        for (Map<String, Object> statement : (List<Map<String, Object>>) run.getOrDefault("topStatements", List.of())) {
            md.append(String.format("| `%s` | %s | %s | %s | %s |%n", statement.get("query").toString().replace("|", "\\|"),
                    statement.get("callsPerCase"), statement.get("meanMillis"), statement.get("millisPerCase"),
                    statement.getOrDefault("planningMillisPerCase", "")));
        }
        return md.toString();
    }

    /** Cases per second and their cost on the copy without the finished cases beside the database with them. */
    @SuppressWarnings("unchecked")
    private static String growth(Map<String, Object> http, Map<String, Object> engine, Map<String, Object> open) {
        Map<String, Object> openHttp = (Map<String, Object>) open.get("http");
        Map<String, Object> openEngine = (Map<String, Object>) open.get("inProcess");
        StringBuilder md = new StringBuilder("\n## With and without the 100,000 finished cases\n\n"
                + "| measure | without | with | with / without |\n|---|---|---|---|\n");
        for (String[] row : List.of(new String[] {"cases/s over HTTP", "casesPerSecond", "http"},
                new String[] {"cases/s in one JVM", "casesPerSecond", "engine"},
                new String[] {"CPU ms per case over HTTP, all processes", "cpu", "http"},
                new String[] {"CPU ms per case in one JVM, all processes", "cpu", "engine"})) {
            boolean overHttp = row[2].equals("http");
            double without = figure(overHttp ? openHttp : openEngine, row[1]);
            double with = figure(overHttp ? http : engine, row[1]);
            md.append(String.format("| %s | %.1f | %.1f | %.2f |%n", row[0], without, with, with / without));
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static double figure(Map<String, Object> run, String name) {
        return name.equals("cpu") ? ((Number) ((Map<String, Object>) run.get("cpuMillisPerCase")).get("all")).doubleValue()
                : ((Number) run.get(name)).doubleValue();
    }

    /** The application in its own JVM with the bench profile, on the embedded PostgreSQL with its data in database. */
    private static AppProcess startApp(Path database, int port, int databasePort) throws Exception {
        return AppProcess.start(port, BenchReport.FOLDER.resolve("app-" + port + ".log"), List.of(
                "--spring.profiles.active=bench",
                "--clusterflow.embedded-db.data-directory=" + database.toAbsolutePath(),
                "--clusterflow.embedded-db.port=" + databasePort,
                "--clusterflow.mail.catcher.port=" + Processes.freePort()));
    }
}
