package ua.clusterflow.meetup;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.ClusterFigure;
import ua.clusterflow.tasklist.ClusterFigures;

/** The meetups' figures for the dashboard: meetups held and reported, guests checked in this year. */
@Component
class MeetupFigures implements ClusterFigures {

    private static final List<String> HELD = List.of(MeetupStatus.OPEN.name(), MeetupStatus.HELD.name(),
            MeetupStatus.REPORTED.name());

    private final JdbcClient jdbc;

    MeetupFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<ClusterFigure, Number> figures(String clusterId) {
        Timestamp yearStart = Timestamp.from(AppClock.startOf(AppClock.today().withDayOfYear(1)).toInstant());
        return Map.of(
                ClusterFigure.MEETUPS_HELD, jdbc.sql("""
                        select count(*) from meetup where cluster_id = :cluster and status in (:held)""")
                        .param("cluster", clusterId).param("held", HELD).query(Integer.class).single(),
                ClusterFigure.MEETUPS_REPORTED, jdbc.sql("select count(*) from meetup where cluster_id = ? and status = ?")
                        .params(clusterId, MeetupStatus.REPORTED.name()).query(Integer.class).single(),
                ClusterFigure.GUESTS_CHECKED_IN_THIS_YEAR, jdbc.sql("""
                        select count(*) from meetup_registration r join meetup m on m.id = r.meetup_id
                        where m.cluster_id = ? and r.checked_in_at >= ?""")
                        .params(clusterId, yearStart).query(Integer.class).single());
    }
}
