package ua.clusterflow.onboarding;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ua.clusterflow.tasklist.ClusterFigure;
import ua.clusterflow.tasklist.ClusterFigures;

/** The membership applications' funnel for the dashboard: applied, approved, paid. */
@Component
class OnboardingFigures implements ClusterFigures {

    private static final List<String> APPROVED = List.of(ApplicationStatus.AWAITING_PAYMENT.name(),
            ApplicationStatus.PAYMENT_CANCELLED.name(), ApplicationStatus.MEMBER.name());

    private final JdbcClient jdbc;

    OnboardingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<ClusterFigure, Number> figures(String clusterId) {
        return Map.of(
                ClusterFigure.APPLICATIONS, jdbc.sql(
                        "select count(*) from onboarding_application where cluster_id = ? and status <> ?")
                        .params(clusterId, ApplicationStatus.DUPLICATE.name()).query(Integer.class).single(),
                ClusterFigure.APPLICATIONS_APPROVED, jdbc.sql(
                        "select count(*) from onboarding_application where cluster_id = :cluster and status in (:approved)")
                        .param("cluster", clusterId).param("approved", APPROVED).query(Integer.class).single(),
                ClusterFigure.APPLICATIONS_PAID, jdbc.sql(
                        "select count(*) from onboarding_application where cluster_id = ? and status = ?")
                        .params(clusterId, ApplicationStatus.MEMBER.name()).query(Integer.class).single());
    }
}
