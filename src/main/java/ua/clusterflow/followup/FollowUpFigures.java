package ua.clusterflow.followup;

import java.sql.Date;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.ClusterFigure;
import ua.clusterflow.tasklist.ClusterFigures;

/** The follow-ups' figures for the dashboard: agreed, done, overdue, and the introductions that led to one. */
@Component
class FollowUpFigures implements ClusterFigures {

    private final JdbcClient jdbc;

    FollowUpFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<ClusterFigure, Number> figures(String clusterId) {
        return jdbc.sql("""
                select count(*), count(*) filter (where status = :done),
                       count(*) filter (where status = :open and due_on < :today),
                       count(distinct source_ref) filter (where source_kind = 'introduction' and led_to is not null)
                from follow_up where cluster_id = :cluster""")
                .param("done", FollowUpStatus.DONE.name()).param("open", FollowUpStatus.OPEN.name())
                .param("today", Date.valueOf(AppClock.today())).param("cluster", clusterId)
                .query((rs, n) -> Map.<ClusterFigure, Number>of(ClusterFigure.FOLLOW_UPS, rs.getInt(1),
                        ClusterFigure.FOLLOW_UPS_DONE, rs.getInt(2), ClusterFigure.FOLLOW_UPS_OVERDUE, rs.getInt(3),
                        ClusterFigure.INTRODUCTIONS_FOLLOWED_UP, rs.getInt(4)))
                .single();
    }
}
