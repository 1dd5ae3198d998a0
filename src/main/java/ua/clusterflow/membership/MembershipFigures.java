package ua.clusterflow.membership;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.ClusterFigure;
import ua.clusterflow.tasklist.ClusterFigures;

/** The membership's figure for the dashboard: the dues paid this calendar year, the cluster's own income. */
@Component
class MembershipFigures implements ClusterFigures {

    private final JdbcClient jdbc;

    MembershipFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<ClusterFigure, Number> figures(String clusterId) {
        LocalDate from = AppClock.today().withDayOfYear(1);
        return Map.of(ClusterFigure.FEE_INCOME_THIS_YEAR_UAH, jdbc.sql("""
                        select coalesce(sum(d.amount), 0) from membership_dues d
                        join member_organisation o on o.id = d.organisation_id
                        where o.cluster_id = ? and d.paid_on >= ? and d.paid_on < ?""")
                .params(clusterId, from, from.plusYears(1)).query(Double.class).single());
    }
}
