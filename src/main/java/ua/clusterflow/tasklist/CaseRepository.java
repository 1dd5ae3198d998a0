package ua.clusterflow.tasklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.cluster.AuditTrail;

@Repository
public class CaseRepository {

    public record CaseEvent(Instant at, String actor, String action, String detail) {
    }

    public record CaseComment(Instant at, String authorName, String body) {
    }

    public record CaseDocument(long id, String businessKey, String fileName, String contentType, long sizeBytes,
                               String uploadedBy, Instant uploadedAt) {
    }

    /** Events of a case's history that change nothing, left out of the audit trail. */
    private static final Set<String> NOT_CHANGES = Set.of("reminder", "comment");

    /** Events of a case's history that are about its payment. */
    private static final Set<String> PAYMENTS = Set.of("invoice", "dues-paid", "payment-cancelled");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public CaseRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public void insert(CaseRecord record) {
        jdbc.sql("""
                insert into case_record (business_key, cluster_id, process_key, title, status, organisation_id,
                                         created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.businessKey(), record.clusterId(), record.processKey(), record.title(), record.status(),
                        record.organisationId(), record.createdBy(), ts(AppClock.now()))
                .update();
    }

    public Optional<CaseRecord> find(String businessKey) {
        return jdbc.sql("select * from case_record where business_key = ?").param(businessKey)
                .query(CaseRepository::toRecord).optional();
    }

    public Map<String, String> titles(Collection<String> businessKeys) {
        if (businessKeys.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select business_key, title from case_record where business_key in (:keys)")
                .param("keys", businessKeys)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<CaseRecord> ofOrganisations(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from case_record where organisation_id in (:ids) order by created_at desc")
                .param("ids", organisationIds).query(CaseRepository::toRecord).list();
    }

    public List<CaseRecord> ofClusters(Collection<String> clusterIds, int limit) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from case_record where cluster_id in (:ids) order by created_at desc limit :limit")
                .param("ids", clusterIds).param("limit", limit).query(CaseRepository::toRecord).list();
    }

    /** Removes a case that should never have been (a draft thrown away, an import undone), with all it holds. */
    public void delete(String businessKey) {
        for (String table : List.of("case_event", "case_comment", "case_document")) {
            jdbc.sql("delete from " + table + " where business_key = ?").param(businessKey).update();
        }
        jdbc.sql("delete from case_record where business_key = ?").param(businessKey).update();
    }

    public void updateStatus(String businessKey, String status, boolean close) {
        jdbc.sql("update case_record set status = ?, closed_at = ? where business_key = ?")
                .params(status, close ? ts(AppClock.now()) : null, businessKey).update();
    }

    public void setOrganisation(String businessKey, long organisationId) {
        jdbc.sql("update case_record set organisation_id = ? where business_key = ?")
                .params(organisationId, businessKey).update();
    }

    /** Adds a line to the case's history, and to the audit trail unless it is a reminder or a comment. */
    public void addEvent(String businessKey, String actor, String action, String detail) {
        jdbc.sql("insert into case_event (business_key, at, actor, action, detail) values (?, ?, ?, ?, ?)")
                .params(businessKey, ts(AppClock.now()), actor, action, detail).update();
        if (!NOT_CHANGES.contains(action)) {
            find(businessKey).ifPresent(record -> audit(record, actor, action, detail));
        }
    }

    /** Adds the event where the case has a record (a process started outside the app's services has none). */
    public void addEventIfRecorded(String businessKey, String actor, String action, String detail) {
        if (businessKey == null) {
            return;
        }
        find(businessKey).ifPresent(record -> {
            jdbc.sql("insert into case_event (business_key, at, actor, action, detail) values (?, ?, ?, ?, ?)")
                    .params(businessKey, ts(AppClock.now()), actor, action, detail).update();
            if (!NOT_CHANGES.contains(action)) {
                audit(record, actor, action, detail);
            }
        });
    }

    private void audit(CaseRecord record, String actor, String action, String detail) {
        AuditTrail.Area area = action.startsWith("role-") ? AuditTrail.Area.ROLES
                : PAYMENTS.contains(action) ? AuditTrail.Area.PAYMENTS
                : "document".equals(action) ? AuditTrail.Area.RECORDS : AuditTrail.Area.STATUSES;
        audit.record(AuditTrail.Change.toCase(record.clusterId(), record.businessKey(), record.organisationId(),
                record.title(), area, "event." + action, detail), actor);
    }

    /** When each of the cases was reminded of one of these kinds (a "reminder" event with that detail), in order. */
    public Map<String, List<Instant>> reminders(Collection<String> businessKeys, Collection<String> kinds) {
        Map<String, List<Instant>> sent = new HashMap<>();
        if (businessKeys.isEmpty()) {
            return sent;
        }
        jdbc.sql("""
                select business_key, at from case_event
                where business_key in (:keys) and action = 'reminder' and detail in (:kinds) order by at, id""")
                .param("keys", businessKeys).param("kinds", kinds)
                .query((rs, n) -> sent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(instant(rs, "at")))
                .list();
        return sent;
    }

    public List<CaseEvent> events(String businessKey) {
        return jdbc.sql("select at, actor, action, detail from case_event where business_key = ? order by at, id")
                .param(businessKey)
                .query((rs, n) -> new CaseEvent(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("detail")))
                .list();
    }

    public void addComment(String businessKey, String author, String authorName, String body) {
        jdbc.sql("insert into case_comment (business_key, at, author, author_name, body) values (?, ?, ?, ?, ?)")
                .params(businessKey, ts(AppClock.now()), author, authorName, body).update();
    }

    public List<CaseComment> comments(String businessKey) {
        return jdbc.sql("select at, author_name, body from case_comment where business_key = ? order by at, id")
                .param(businessKey)
                .query((rs, n) -> new CaseComment(instant(rs, "at"), rs.getString(2), rs.getString(3)))
                .list();
    }

    public long addDocument(String businessKey, String fileName, String contentType, byte[] content,
                            String uploadedBy) {
        return jdbc.sql("""
                insert into case_document (business_key, file_name, content_type, size_bytes, content, uploaded_by,
                                           uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(businessKey, fileName, contentType, content.length, content, uploadedBy, ts(AppClock.now()))
                .query(Long.class).single();
    }

    public List<CaseDocument> documents(String businessKey) {
        return jdbc.sql("""
                select id, business_key, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                from case_document where business_key = ? order by uploaded_at, id""")
                .param(businessKey).query(CaseRepository::toDocument).list();
    }

    public Optional<CaseDocument> document(long id) {
        return jdbc.sql("""
                select id, business_key, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                from case_document where id = ?""")
                .param(id).query(CaseRepository::toDocument).optional();
    }

    public byte[] content(long documentId) {
        return jdbc.sql("select content from case_document where id = ?").param(documentId)
                .query(byte[].class).single();
    }

    private static CaseDocument toDocument(ResultSet rs, int n) throws SQLException {
        return new CaseDocument(rs.getLong("id"), rs.getString("business_key"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"));
    }

    private static CaseRecord toRecord(ResultSet rs, int n) throws SQLException {
        Long org = rs.getObject("organisation_id", Long.class);
        return new CaseRecord(rs.getString("business_key"), rs.getString("cluster_id"), rs.getString("process_key"),
                rs.getString("title"), rs.getString("status"), org, rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "closed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
