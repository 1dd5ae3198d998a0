package ua.clusterflow.export;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;

/** Export actions and the members' applications to them. */
@Repository
public class ExportActionRepository {

    private final JdbcClient jdbc;

    public ExportActionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ExportAction insert(ExportAction a) {
        long id = jdbc.sql("""
                with next as (select nextval(pg_get_serial_sequence('export_action', 'id')) as id)
                insert into export_action (id, reference, cluster_id, kind, title, markets, starts_on, ends_on, place,
                    cluster_cost, participant_fee, places, min_participants, join_deadline, selection_rule, status,
                    announced_by, announced_at)
                select next.id, 'EXP-' || lpad(next.id::text, greatest(5, length(next.id::text)), '0'),
                       ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from next
                returning id""")
                .params(a.clusterId(), a.kind().name(), a.title(), String.join(",", a.markets()),
                        Date.valueOf(a.startsOn()), Date.valueOf(a.endsOn()), a.place(), a.clusterCost(),
                        a.participantFee(), a.places(), a.minParticipants(), Date.valueOf(a.joinDeadline()),
                        a.selectionRule(), a.status().name(), a.announcedBy(), Timestamp.from(AppClock.now()))
                .query(Long.class).single();
        return get(id);
    }

    public ExportAction get(long id) {
        return jdbc.sql("select * from export_action where id = ?").param(id).query(ExportActionRepository::toAction)
                .single();
    }

    public Optional<ExportAction> byReference(String reference) {
        return jdbc.sql("select * from export_action where reference = ?").param(reference)
                .query(ExportActionRepository::toAction).optional();
    }

    /** The actions of these clusters, the latest first. */
    public List<ExportAction> ofClusters(Collection<String> clusterIds, int limit) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from export_action where cluster_id in (:ids) order by starts_on desc, id desc "
                        + "limit :limit")
                .param("ids", clusterIds).param("limit", limit).query(ExportActionRepository::toAction).list();
    }

    public void setStatus(long id, ExportAction.Status status) {
        jdbc.sql("update export_action set status = ? where id = ?").params(status.name(), id).update();
    }

    public void setDeadline(long id, LocalDate deadline) {
        jdbc.sql("update export_action set join_deadline = ? where id = ?").params(Date.valueOf(deadline), id).update();
    }

    /** Adds an application; false when the organisation has applied to the action already. */
    public boolean apply(long actionId, long organisationId, String applicant, String products, String codes,
                         String marketsServed, String certificates, int readiness) {
        return jdbc.sql("""
                insert into export_application (action_id, organisation_id, applicant, products, product_codes,
                    markets_served, certificates, readiness, status, applied_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?) on conflict (action_id, organisation_id) do nothing""")
                .params(actionId, organisationId, applicant, products, codes, marketsServed, certificates, readiness,
                        Timestamp.from(AppClock.now()))
                .update() == 1;
    }

    /** The action's applications in the order they came. */
    public List<ExportApplication> applications(long actionId) {
        return jdbc.sql("""
                select a.*, o.name from export_application a join member_organisation o on o.id = a.organisation_id
                where a.action_id = ? order by a.applied_at, a.id""")
                .param(actionId).query(ExportActionRepository::toApplication).list();
    }

    public void setApplicationStatus(long applicationId, ExportApplication.Status status, String note) {
        jdbc.sql("update export_application set status = ?, note = ? where id = ?")
                .params(status.name(), note, applicationId).update();
    }

    private static ExportAction toAction(ResultSet rs, int n) throws SQLException {
        return new ExportAction(rs.getLong("id"), rs.getString("reference"), rs.getString("cluster_id"),
                ExportAction.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                Arrays.stream(rs.getString("markets").split(",")).filter(m -> !m.isBlank()).toList(),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("place"), rs.getBigDecimal("cluster_cost"), rs.getBigDecimal("participant_fee"),
                rs.getInt("places"), rs.getInt("min_participants"), rs.getObject("join_deadline", LocalDate.class),
                rs.getString("selection_rule"), ExportAction.Status.valueOf(rs.getString("status")),
                rs.getString("announced_by"), rs.getTimestamp("announced_at").toInstant());
    }

    private static ExportApplication toApplication(ResultSet rs, int n) throws SQLException {
        return new ExportApplication(rs.getLong("id"), rs.getLong("action_id"), rs.getLong("organisation_id"),
                rs.getString("name"), rs.getString("applicant"), rs.getString("products"),
                rs.getString("product_codes"), rs.getString("markets_served"), rs.getString("certificates"),
                rs.getInt("readiness"), ExportApplication.Status.valueOf(rs.getString("status")), rs.getString("note"),
                rs.getTimestamp("applied_at").toInstant());
    }
}
