package ua.clusterflow.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import ua.clusterflow.AppProcess;

/**
 * What carrying cases cost over a window, per case: the CPU milliseconds of each process taking part (the application,
 * the database, the load generator), and the database's statements (from {@code pg_stat_statements}, loaded by the
 * bench profile), transactions and rows written, with the statements that took the database the most time. Where
 * throughput is bound by the two cores, cases per second follow the CPU a case costs.
 */
final class CostAccount {

    private static final int TOP_STATEMENTS = 12;

    private final Map<String, LongSupplier> cpu;
    private final Map<String, Long> cpuAtStart = new LinkedHashMap<>();
    private final Map<String, Long> databaseAtStart;
    private final boolean statements;

    private CostAccount(JdbcClient jdbc, Map<String, LongSupplier> cpu) {
        this.cpu = cpu;
        this.statements = resetStatements(jdbc);
        this.databaseAtStart = databaseCounters(jdbc);
        cpu.forEach((name, millis) -> cpuAtStart.put(name, millis.getAsLong()));
    }

    /** Starts counting; {@code cpu} names each process taking part and reads its CPU milliseconds used so far. */
    static CostAccount open(JdbcClient jdbc, Map<String, LongSupplier> cpu) {
        return new CostAccount(jdbc, cpu);
    }

    /** The costs since {@link #open}, per case carried and per engine step ended. */
    Map<String, Object> close(JdbcClient jdbc, long cases, long steps) {
        Map<String, Object> figures = new LinkedHashMap<>();
        double perCase = Math.max(1, cases);
        Map<String, Object> cpuPerCase = new LinkedHashMap<>();
        long cpuTotal = 0;
        for (Map.Entry<String, LongSupplier> process : cpu.entrySet()) {
            long used = process.getValue().getAsLong() - cpuAtStart.get(process.getKey());
            cpuTotal += used;
            cpuPerCase.put(process.getKey(), round(used / perCase));
        }
        cpuPerCase.put("all", round(cpuTotal / perCase));
        figures.put("cpuMillisPerCase", cpuPerCase);
        Map<String, Long> database = databaseCounters(jdbc);
        long transactions = database.get("xact_commit") - databaseAtStart.get("xact_commit");
        long written = database.get("written") - databaseAtStart.get("written");
        figures.put("transactionsPerCase", round(transactions / perCase));
        figures.put("rowsWrittenPerCase", round(written / perCase));
        figures.put("rowsWrittenPerEngineStep", round(written / (double) Math.max(1, steps)));
        if (statements) {
            List<Map<String, Object>> top = new ArrayList<>();
            List<Map<String, Object>> frequent = new ArrayList<>();
            double[] sums = {0, 0, 0};
            jdbc.sql("""
                    select s.query, s.calls, s.total_exec_time, s.total_plan_time, s.rows from pg_stat_statements s
                    join pg_database d on d.oid = s.dbid where d.datname = current_database()
                    order by s.total_exec_time + s.total_plan_time desc""").query(rs -> {
                        sums[0] += rs.getLong("calls");
                        sums[1] += rs.getDouble("total_exec_time");
                        sums[2] += rs.getDouble("total_plan_time");
                        if (top.size() < TOP_STATEMENTS) {
                            Map<String, Object> statement = new LinkedHashMap<>();
                            statement.put("query", shorten(rs.getString("query")));
                            statement.put("callsPerCase", round(rs.getLong("calls") / perCase));
                            statement.put("meanMillis", round(rs.getDouble("total_exec_time") / Math.max(1, rs.getLong("calls"))));
                            statement.put("millisPerCase", round(rs.getDouble("total_exec_time") / perCase));
                            statement.put("planningMillisPerCase", round(rs.getDouble("total_plan_time") / perCase));
                            top.add(statement);
                        }
                        if (rs.getLong("calls") >= perCase / 2) {
                            frequent.add(Map.of("query", shorten(rs.getString("query")),
                                    "callsPerCase", round(rs.getLong("calls") / perCase)));
                        }
                    });
            frequent.sort(Comparator.comparing(statement -> -(Double) statement.get("callsPerCase")));
            figures.put("statementsPerCase", round(sums[0] / perCase));
            figures.put("statementMillisPerCase", round(sums[1] / perCase));
            // planning, apart from execution: zero where the server does not track it (track_planning off)
            figures.put("planningMillisPerCase", round(sums[2] / perCase));
            figures.put("topStatements", top);
            // every statement run at least once in two cases, the most frequent first (in the JSON only)
            figures.put("frequentStatements", frequent);
        }
        return figures;
    }

    /** The processes taking part, the database's among them, in the same order in every run. */
    static Map<String, LongSupplier> cpuOf(Path database, Map<String, LongSupplier> processes) {
        Map<String, LongSupplier> cpu = new LinkedHashMap<>();
        for (String name : List.of("application", "loadGenerator")) {
            if (processes.containsKey(name)) {
                cpu.put(name, processes.get(name));
            }
        }
        cpu.put("database", () -> AppProcess.databaseCpuMillis(database));
        return cpu;
    }

    /** This JVM's CPU time: the load generator's over HTTP, the application's when it runs in this JVM. */
    static long ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** Empties pg_stat_statements, or tells that it is not loaded (an external database without it). */
    private static boolean resetStatements(JdbcClient jdbc) {
        try {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query((rs, n) -> 1).list();
            return true;
        } catch (RuntimeException notLoaded) {
            return false;
        }
    }

    private static Map<String, Long> databaseCounters(JdbcClient jdbc) {
        jdbc.sql("select pg_stat_clear_snapshot()").query((rs, n) -> 1).list();
        return jdbc.sql("""
                select xact_commit, tup_inserted + tup_updated + tup_deleted as written
                from pg_stat_database where datname = current_database()""")
                .query((rs, n) -> Map.of("xact_commit", rs.getLong("xact_commit"), "written", rs.getLong("written")))
                .single();
    }

    private static String shorten(String query) {
        String flat = query.replaceAll("\\s+", " ").trim();
        return flat.length() > 140 ? flat.substring(0, 140) + "…" : flat;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
