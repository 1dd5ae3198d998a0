package ua.clusterflow.tasklist.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.ProcessFigures;

/**
 * The engine's figures, read from its runtime and history tables in a few grouped statements: the engine's query API
 * would load every task and case to count them. The one place besides the adapters of the directory that reads these
 * tables, so a move to another engine of the same line touches it alone.
 */
@Component
class EngineProcessFigures implements ProcessFigures {

    private final JdbcClient jdbc;

    EngineProcessFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, OpenTasks> openTasks(String clusterId) {
        Map<String, OpenTasks> open = new LinkedHashMap<>();
        jdbc.sql("""
                select d.key_, count(*), count(*) filter (where t.due_date_ < ?) from act_ru_task t
                join act_re_procdef d on d.id_ = t.proc_def_id_ where t.tenant_id_ = ? group by d.key_""")
                .params(AppClock.nowDate(), clusterId)
                .query(rs -> {
                    open.put(rs.getString(1), new OpenTasks(rs.getLong(2), rs.getLong(3)));
                });
        return open;
    }

    @Override
    public Map<String, Cycle> cycles(String clusterId) {
        Map<String, Cycle> cycles = new LinkedHashMap<>();
        jdbc.sql("""
                select proc_def_key_, count(*), percentile_disc(0.5) within group (order by duration_),
                percentile_disc(0.9) within group (order by duration_) from act_hi_procinst
                where tenant_id_ = ? and end_time_ is not null and duration_ is not null group by proc_def_key_""")
                .param(clusterId)
                .query(rs -> {
                    cycles.put(rs.getString(1), new Cycle(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return cycles;
    }

    @Override
    public List<Step> steps(String clusterId) {
        return jdbc.sql("""
                select proc_def_key_, task_def_key_, count(*), percentile_disc(0.5) within group (order by duration_),
                percentile_disc(0.9) within group (order by duration_) from act_hi_taskinst
                where tenant_id_ = ? and end_time_ is not null and duration_ is not null and delete_reason_ = 'completed'
                group by proc_def_key_, task_def_key_ order by proc_def_key_, task_def_key_""")
                .param(clusterId)
                .query((rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    @Override
    public List<Load> loads(String clusterId) {
        return jdbc.sql("""
                select assignee_, count(*), count(*) filter (where due_date_ < ?) from act_ru_task
                where tenant_id_ = ? group by assignee_ order by count(*) desc, assignee_ nulls last""")
                .params(AppClock.nowDate(), clusterId)
                .query((rs, n) -> new Load(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }
}
