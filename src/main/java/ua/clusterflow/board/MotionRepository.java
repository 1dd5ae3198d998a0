package ua.clusterflow.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.TransactionLocks;

@Repository
public class MotionRepository {

    private final JdbcClient jdbc;

    public MotionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Motion insert(String clusterId, String proposer, String question, String body, Instant closesAt,
                         int quorumPercent, boolean publicOutcome, String options) {
        long id = jdbc.sql("""
                with next as (select nextval(pg_get_serial_sequence('board_motion', 'id')) as id)
                insert into board_motion (id, business_key, cluster_id, proposer, question, body, closes_at,
                    quorum_percent, public_outcome, options, created_at)
                select next.id, 'MOT-' || lpad(next.id::text, greatest(5, length(next.id::text)), '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?
                from next returning id""")
                .params(clusterId, proposer, question, body, Timestamp.from(closesAt), quorumPercent, publicOutcome,
                        options, Timestamp.from(AppClock.now()))
                .query(Long.class).single();
        return jdbc.sql("select * from board_motion where id = ?").param(id).query(MotionRepository::toMotion).single();
    }

    /**
     * The same question the same person put to the same board since the given moment, waiting on the proposer's
     * lock so that a form sent twice in the same moment finds the first.
     */
    public Optional<Motion> samePutSince(String clusterId, String proposer, String question, Instant since) {
        TransactionLocks.hold(jdbc, "board_motion:" + proposer);
        return jdbc.sql("""
                select * from board_motion where cluster_id = ? and proposer = ? and question = ? and created_at >= ?
                order by id desc limit 1""")
                .params(clusterId, proposer, question, Timestamp.from(since))
                .query(MotionRepository::toMotion).optional();
    }

    public Optional<Motion> byBusinessKey(String businessKey) {
        return jdbc.sql("select * from board_motion where business_key = ?").param(businessKey)
                .query(MotionRepository::toMotion).optional();
    }

    /** Keeps the proposer's statement on the motion and on the board's register of decisions. */
    public void state(String businessKey, String statement) {
        jdbc.sql("update board_motion set statement = ?, stated_at = ? where business_key = ?")
                .params(statement, Timestamp.from(AppClock.now()), businessKey).update();
        jdbc.sql("update board_decision set statement = ? where business_key = ?").params(statement, businessKey)
                .update();
    }

    private static Motion toMotion(ResultSet rs, int n) throws SQLException {
        Timestamp stated = rs.getTimestamp("stated_at");
        return new Motion(rs.getLong("id"), rs.getString("business_key"), rs.getString("cluster_id"),
                rs.getString("proposer"), rs.getString("question"), rs.getString("body"),
                rs.getTimestamp("closes_at").toInstant(), rs.getInt("quorum_percent"), rs.getBoolean("public_outcome"),
                rs.getString("statement"), stated == null ? null : stated.toInstant(), rs.getString("options"));
    }
}
