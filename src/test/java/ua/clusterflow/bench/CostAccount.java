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
 * bench profile), their planning, transactions and rows written, with the statements that took the database the most
 * time. The window may be paused and resumed, so that one account covers several measured spans with another's
 * between them: each span adds what the counters moved by. Where throughput is bound by the two cores, cases per
 * second follow the CPU a case costs.
 */
final class CostAccount {

    private static final int TOP_STATEMENTS = 12;

    private final Map<String, LongSupplier> cpu;
    private final boolean statements;
    private final Map<String, Long> cpuUsed = new LinkedHashMap<>();
    private final List<Long> cpuOfSpans = new ArrayList<>();
    private final Map<String, Long> databaseUsed = new LinkedHashMap<>();
    private final Map<Long, Statement> statementsUsed = new LinkedHashMap<>();
    private Map<String, Long> cpuAtStart;
    private Map<String, Long> databaseAtStart;
    private Map<Long, Statement> statementsAtStart;

    /** What the database counted of one statement, by its query id. */
    private record Statement(String query, long calls, long plans, double execMillis, double planMillis) {

        Statement plus(Statement other, int sign) {
            return new Statement(query, calls + sign * other.calls, plans + sign * other.plans,
                    execMillis + sign * other.execMillis, planMillis + sign * other.planMillis);
        }
    }

    private CostAccount(JdbcClient jdbc, Map<String, LongSupplier> cpu) {
        this.cpu = cpu;
        this.statements = statementsCounted(jdbc);
    }

    /** Starts counting; {@code cpu} names each process taking part and reads its CPU milliseconds used so far. */
    static CostAccount open(JdbcClient jdbc, Map<String, LongSupplier> cpu) {
        CostAccount account = paused(jdbc, cpu);
        account.resume(jdbc);
        return account;
    }

    /** An account that counts from its first {@link #resume}. */
    static CostAccount paused(JdbcClient jdbc, Map<String, LongSupplier> cpu) {
        return new CostAccount(jdbc, cpu);
    }

    /** Starts a span of counting: at the account's opening, or after {@link #pause}. */
    void resume(JdbcClient jdbc) {
        cpuAtStart = new LinkedHashMap<>();
        cpu.forEach((name, millis) -> cpuAtStart.put(name, millis.getAsLong()));
        databaseAtStart = databaseCounters(jdbc);
        statementsAtStart = statements ? statementCounters(jdbc) : Map.of();
    }

    /** Ends the span: what it cost is added to the account. */
    void pause(JdbcClient jdbc) {
        long span = 0;
        for (Map.Entry<String, LongSupplier> process : cpu.entrySet()) {
            long used = process.getValue().getAsLong() - cpuAtStart.get(process.getKey());
            cpuUsed.merge(process.getKey(), used, Long::sum);
            span += used;
        }
        cpuOfSpans.add(span);
        databaseCounters(jdbc).forEach((name, value) -> databaseUsed.merge(name, value - databaseAtStart.get(name),
                Long::sum));
        if (statements) {
            statementCounters(jdbc).forEach((id, now) -> {
                Statement before = statementsAtStart.get(id);
                // a statement the server dropped and counted anew meanwhile (past pg_stat_statements.max) starts at 0
                Statement moved = before == null || before.calls() > now.calls() ? now : now.plus(before, -1);
                statementsUsed.merge(id, moved, (sum, more) -> sum.plus(more, 1));
            });
        }
        cpuAtStart = null;
    }

    /** All processes' CPU milliseconds of each span so far, in their order. */
    List<Long> cpuOfSpans() {
        return List.copyOf(cpuOfSpans);
    }

    /** The costs of all spans since {@link #open}, per case carried and per engine step ended. */
    Map<String, Object> close(JdbcClient jdbc, long cases, long steps) {
        if (cpuAtStart != null) {
            pause(jdbc);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        double perCase = Math.max(1, cases);
        Map<String, Object> cpuPerCase = new LinkedHashMap<>();
        cpuUsed.forEach((process, used) -> cpuPerCase.put(process, round(used / perCase)));
        cpuPerCase.put("all", round(cpuUsed.values().stream().mapToLong(Long::longValue).sum() / perCase));
        figures.put("cpuMillisPerCase", cpuPerCase);
        long written = databaseUsed.get("written");
        figures.put("transactionsPerCase", round(databaseUsed.get("xact_commit") / perCase));
        figures.put("rowsWrittenPerCase", round(written / perCase));
        figures.put("rowsWrittenPerEngineStep", round(written / (double) Math.max(1, steps)));
        if (statements) {
            List<Statement> used = statementsUsed.values().stream().filter(statement -> statement.calls() > 0)
                    .sorted(Comparator.comparing(statement -> -(statement.execMillis() + statement.planMillis())))
                    .toList();
            List<Map<String, Object>> top = new ArrayList<>();
            for (Statement statement : used.subList(0, Math.min(TOP_STATEMENTS, used.size()))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("query", shorten(statement.query()));
                row.put("callsPerCase", round(statement.calls() / perCase));
                row.put("meanMillis", round(statement.execMillis() / statement.calls()));
                row.put("millisPerCase", round(statement.execMillis() / perCase));
                row.put("planningMillisPerCase", round(statement.planMillis() / perCase));
                top.add(row);
            }
            figures.put("statementsPerCase", round(used.stream().mapToLong(Statement::calls).sum() / perCase));
            figures.put("statementMillisPerCase", round(used.stream().mapToDouble(Statement::execMillis).sum() / perCase));
            // planning, apart from execution: zero where the server does not track it (track_planning off)
            figures.put("planningMillisPerCase", round(used.stream().mapToDouble(Statement::planMillis).sum() / perCase));
            figures.put("topStatements", top);
            // every statement run at least once in two cases, the most frequent first (in the JSON only), with how
            // often the server planned it (a prepared statement on its generic plan is not planned again)
            figures.put("frequentStatements", used.stream().filter(statement -> statement.calls() >= perCase / 2)
                    .sorted(Comparator.comparing(statement -> -statement.calls()))
                    .map(statement -> Map.<String, Object>of("query", shorten(statement.query()),
                            "callsPerCase", round(statement.calls() / perCase),
                            "plansPerCase", round(statement.plans() / perCase),
                            "planningMillisPerCase", round(statement.planMillis() / perCase)))
                    .toList());
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

    /** Whether the database counts its statements (pg_stat_statements, which an external database may not load). */
    private static boolean statementsCounted(JdbcClient jdbc) {
        try {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            statementCounters(jdbc);
            return true;
        } catch (RuntimeException notLoaded) {
            return false;
        }
    }

    /** What the database has counted so far of each statement run in this database, by query id. */
    private static Map<Long, Statement> statementCounters(JdbcClient jdbc) {
        Map<Long, Statement> counted = new LinkedHashMap<>();
        jdbc.sql("""
                select s.queryid, min(s.query) as query, sum(s.calls) as calls, sum(s.plans) as plans,
                       sum(s.total_exec_time) as exec,
                       sum(s.total_plan_time) as plan
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where d.datname = current_database() and s.queryid is not null
                group by s.queryid""").query(rs -> {
                    counted.put(rs.getLong("queryid"), new Statement(rs.getString("query"), rs.getLong("calls"),
                            rs.getLong("plans"), rs.getDouble("exec"), rs.getDouble("plan")));
                });
        return counted;
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
