package ua.clusterflow.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a coordinator records for the dashboard that no process carries: export marketing events and missions,
 * the items of the regional development plan and whether the cluster takes part, and the cluster's profile.
 */
@Repository
public class ClusterRecords {

    /** An export marketing event at home or a mission abroad. */
    public record ExportActivity(long id, String kind, String title, String country, LocalDate heldOn,
                                 int participants, String recordedBy) {
    }

    /** An item of the regional development plan; the share the cluster takes part in is a ClusteRISE target. */
    public record PlanItem(long id, String title, String programme, boolean participates, int version) {
    }

    /** The cluster's own profile: when its strategy was adopted, its staff, working groups and coalitions. */
    public record Profile(LocalDate strategyAdopted, BigDecimal staffFte, int workingGroups, int coalitions,
                          int version) {

        public static final Profile NONE = new Profile(null, BigDecimal.ZERO, 0, 0, -1);
    }

    /** The record changed since the person opened it: nothing is overwritten, the form is shown again. */
    public static class ChangedMeanwhile extends RuntimeException {
    }

    private final JdbcClient jdbc;

    public ClusterRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void recordExport(String clusterId, String kind, String title, String country, LocalDate heldOn,
                             int participants, String recordedBy) {
        jdbc.sql("""
                insert into export_activity (cluster_id, kind, title, country, held_on, participants, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(clusterId, kind, title, country, heldOn, participants, recordedBy).update();
    }

    public List<ExportActivity> exports(String clusterId, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                select id, kind, title, country, held_on, participants, recorded_by from export_activity
                where cluster_id = ? and held_on >= ? and held_on < ? order by held_on desc, id desc""")
                .params(clusterId, from, until)
                .query((rs, n) -> new ExportActivity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getString(7)))
                .list();
    }

    public void deleteExport(String clusterId, long id) {
        jdbc.sql("delete from export_activity where cluster_id = ? and id = ?").params(clusterId, id).update();
    }

    public void addPlanItem(String clusterId, String title, String programme, boolean participates, String recordedBy) {
        jdbc.sql("""
                insert into regional_plan_item (cluster_id, title, programme, participates, recorded_by)
                values (?, ?, ?, ?, ?)""").params(clusterId, title, programme, participates, recordedBy).update();
    }

    public List<PlanItem> planItems(String clusterId) {
        return jdbc.sql("""
                select id, title, programme, participates, version from regional_plan_item where cluster_id = ?
                order by programme, title, id""")
                .param(clusterId)
                .query((rs, n) -> new PlanItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5)))
                .list();
    }

    /** Marks whether the cluster takes part in a plan item, unless someone changed it since {@code version}. */
    @Transactional
    public void setParticipation(String clusterId, long id, boolean participates, int version, String by) {
        int changed = jdbc.sql("""
                update regional_plan_item set participates = ?, version = version + 1, recorded_by = ?,
                recorded_at = now() where cluster_id = ? and id = ? and version = ?""")
                .params(participates, by, clusterId, id, version).update();
        if (changed == 0) {
            throw new ChangedMeanwhile();
        }
    }

    public Optional<Profile> profile(String clusterId) {
        return jdbc.sql("""
                select strategy_adopted, staff_fte, working_groups, coalitions, version from cluster_profile
                where cluster_id = ?""").param(clusterId)
                .query((rs, n) -> new Profile(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    /** Saves the profile, unless someone saved it since the person opened it at {@code version}. */
    @Transactional
    public void saveProfile(String clusterId, Profile profile, String by) {
        int changed = profile.version() < 0
                ? jdbc.sql("""
                        insert into cluster_profile (cluster_id, strategy_adopted, staff_fte, working_groups, coalitions,
                        updated_by) values (?, ?, ?, ?, ?, ?) on conflict (cluster_id) do nothing""")
                        .params(clusterId, profile.strategyAdopted(), profile.staffFte(), profile.workingGroups(),
                                profile.coalitions(), by).update()
                : jdbc.sql("""
                        update cluster_profile set strategy_adopted = ?, staff_fte = ?, working_groups = ?,
                        coalitions = ?, updated_by = ?, updated_at = ?, version = version + 1
                        where cluster_id = ? and version = ?""")
                        .params(profile.strategyAdopted(), profile.staffFte(), profile.workingGroups(),
                                profile.coalitions(), by, Timestamp.from(Instant.now()), clusterId,
                                profile.version()).update();
        if (changed == 0) {
            throw new ChangedMeanwhile();
        }
    }
}
