package ua.clusterflow.grant;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.tasklist.ClusterFigure;
import ua.clusterflow.tasklist.ClusterFigures;

/** The grants' figures for the dashboard: applications submitted, decided and funded, and what they brought in. */
@Component
class GrantFigures implements ClusterFigures {

    private static final List<String> DECIDED = List.of(GrantStatus.FUNDED.name(), GrantStatus.REJECTED.name(),
            GrantStatus.RESERVE.name());

    private final JdbcClient jdbc;

    GrantFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<ClusterFigure, Number> figures(String clusterId) {
        String funded = GrantStatus.FUNDED.name();
        return Map.of(
                ClusterFigure.GRANTS_FUNDED_WITH_EU_PARTNERS, jdbc.sql("""
                        select count(*) from grant_application g where g.cluster_id = :cluster and g.status = :funded
                        and (select count(*) from grant_partner p where p.application_id = g.id
                             and p.country in (:eu)) >= 2""")
                        .param("cluster", clusterId).param("funded", funded).param("eu", Countries.euCodes())
                        .query(Integer.class).single(),
                ClusterFigure.FUNDS_GRANTED_EUR, jdbc.sql("""
                        select coalesce(sum(amount_granted), 0) from grant_application where cluster_id = ? and status = ?""")
                        .params(clusterId, funded).query(Double.class).single(),
                ClusterFigure.GRANTS_SUBMITTED, jdbc.sql(
                        "select count(*) from grant_application where cluster_id = ? and status <> ?")
                        .params(clusterId, GrantStatus.DRAFT.name()).query(Integer.class).single(),
                ClusterFigure.GRANTS_DECIDED, jdbc.sql(
                        "select count(*) from grant_application where cluster_id = :cluster and status in (:decided)")
                        .param("cluster", clusterId).param("decided", DECIDED).query(Integer.class).single(),
                ClusterFigure.GRANTS_FUNDED, jdbc.sql(
                        "select count(*) from grant_application where cluster_id = ? and status = ?")
                        .params(clusterId, funded).query(Integer.class).single());
    }
}
