package ua.clusterflow.dashboard;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ua.clusterflow.base.AppClock;

/** Puts together a cluster's quarterly report from its dashboard and the cases and records of the quarter. */
@Service
public class ReportService {

    private final DashboardService dashboards;
    private final ClusterRecords records;
    private final JdbcClient jdbc;

    public ReportService(DashboardService dashboards, ClusterRecords records, JdbcClient jdbc) {
        this.dashboards = dashboards;
        this.records = records;
        this.jdbc = jdbc;
    }

    public QuarterlyReport report(String clusterId, Quarter quarter) {
        return new QuarterlyReport(dashboards.forCluster(clusterId), quarter, AppClock.now(),
                cases(clusterId, "grant-letter", quarter), cases(clusterId, "meetup-reported", quarter),
                records.exports(clusterId, quarter.start(), quarter.end()),
                jdbc.sql("""
                        select n.name, o.name, i.created_at from introduction i
                        join member_organisation n on n.id = i.need_org_id
                        join member_organisation o on o.id = i.offer_org_id
                        where i.cluster_id = ? and i.created_at >= ? and i.created_at < ? order by i.created_at""")
                        .params(clusterId, AppClock.startOf(quarter.start()), AppClock.startOf(quarter.end()))
                        .query((rs, n) -> new QuarterlyReport.Introduction(rs.getString(1), rs.getString(2),
                                rs.getTimestamp(3).toInstant()))
                        .list(),
                records.planItems(clusterId));
    }

    private List<QuarterlyReport.CaseLine> cases(String clusterId, String action, Quarter quarter) {
        return jdbc.sql("""
                select c.business_key, c.title, e.at from case_event e join case_record c on c.business_key = e.business_key
                where c.cluster_id = ? and e.action = ? and e.at >= ? and e.at < ? order by e.at""")
                .params(clusterId, action, AppClock.startOf(quarter.start()), AppClock.startOf(quarter.end()))
                .query((rs, n) -> new QuarterlyReport.CaseLine(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }
}
