package ua.clusterflow.delegation;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ua.clusterflow.tasklist.ClusterFigure;
import ua.clusterflow.tasklist.ClusterFigures;

/** The board roles' figure for the dashboard: the roles held now. */
@Component
class RoleFigures implements ClusterFigures {

    private final JdbcClient jdbc;

    RoleFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<ClusterFigure, Number> figures(String clusterId) {
        return Map.of(ClusterFigure.ROLES_ACTIVE, jdbc.sql(
                        "select count(*) from role_term where cluster_id = ? and status = ?")
                .params(clusterId, RoleStatus.ACTIVE.name()).query(Integer.class).single());
    }
}
