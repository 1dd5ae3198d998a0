package ua.clusterflow.followup;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.TransactionLocks;

@Repository
public class FollowUpRepository {

    private final JdbcClient jdbc;

    public FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FollowUp insert(String clusterId, String sourceKind, String sourceRef, String action, String owner,
                           LocalDate dueOn, String createdBy) {
        long id = jdbc.sql("""
                with next as (select nextval(pg_get_serial_sequence('follow_up', 'id')) as id)
                insert into follow_up (id, business_key, cluster_id, source_kind, source_ref, action, owner, due_on,
                    created_by, created_at)
                select next.id, 'FUP-' || lpad(next.id::text, greatest(5, length(next.id::text)), '0'), ?, ?, ?, ?, ?, ?, ?, ?
                from next returning id""")
                .params(clusterId, sourceKind, sourceRef, action, owner, Date.valueOf(dueOn), createdBy,
                        Timestamp.from(AppClock.now()))
                .query(Long.class).single();
        return get(id);
    }

    public FollowUp get(long id) {
        return jdbc.sql("select * from follow_up where id = ?").param(id).query(FollowUpRepository::toFollowUp).single();
    }

    public Optional<FollowUp> byBusinessKey(String businessKey) {
        return jdbc.sql("select * from follow_up where business_key = ?").param(businessKey)
                .query(FollowUpRepository::toFollowUp).optional();
    }

    /** The same action for the same source agreed since the given day, waiting on the source's lock. */
    public Optional<FollowUp> sameAgreed(String sourceKind, String sourceRef, String action, String owner) {
        TransactionLocks.hold(jdbc, "follow_up:" + sourceKind + ":" + sourceRef);
        return jdbc.sql("""
                select * from follow_up where source_kind = ? and source_ref = ? and action = ? and owner = ?
                  and status = 'OPEN' order by id desc limit 1""")
                .params(sourceKind, sourceRef, action, owner).query(FollowUpRepository::toFollowUp).optional();
    }

    /** The follow-ups of one source, oldest first. */
    public List<FollowUp> ofSource(String sourceKind, String sourceRef) {
        return jdbc.sql("select * from follow_up where source_kind = ? and source_ref = ? order by id")
                .params(sourceKind, sourceRef).query(FollowUpRepository::toFollowUp).list();
    }

    /** The follow-ups of these clusters: the open ones by due date first, then the latest done (at most 200). */
    public List<FollowUp> ofClusters(List<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from follow_up where cluster_id in (:clusters)
                order by status = 'DONE', case when status = 'DONE' then null else due_on end, done_at desc nulls last, id
                limit 200""")
                .param("clusters", clusterIds).query(FollowUpRepository::toFollowUp).list();
    }

    public void markOverdue(long id) {
        jdbc.sql("update follow_up set overdue = true where id = ? and status = 'OPEN'").param(id).update();
    }

    public void markDone(long id, String outcome, String ledTo) {
        jdbc.sql("update follow_up set status = 'DONE', outcome = ?, led_to = ?, done_at = ? where id = ?")
                .params(outcome, ledTo, Timestamp.from(AppClock.now()), id).update();
    }

    private static FollowUp toFollowUp(ResultSet rs, int n) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new FollowUp(rs.getLong("id"), rs.getString("business_key"), rs.getString("cluster_id"),
                rs.getString("source_kind"), rs.getString("source_ref"), rs.getString("action"), rs.getString("owner"),
                rs.getDate("due_on").toLocalDate(), rs.getString("status"), rs.getBoolean("overdue"),
                rs.getString("outcome"), rs.getString("led_to"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), done == null ? null : done.toInstant());
    }
}
