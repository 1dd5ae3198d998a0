package ua.clusterflow.grant;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.TransactionLocks;

@Repository
public class GrantRepository {

    public record Review(long id, long applicationId, int round, String reviewerName, String reviewerEmail,
                         Integer excellence, Integer impact, Integer implementation, String comment,
                         boolean submitted, String language) {

        public int total() {
            return excellence + impact + implementation;
        }
    }

    private final JdbcClient jdbc;

    public GrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public GrantApplication insertDraft(String clusterId, long organisationId, String createdBy) {
        long id = jdbc.sql("""
                with next as (select nextval(pg_get_serial_sequence('grant_application', 'id')) as id)
                insert into grant_application (id, reference, cluster_id, organisation_id, created_by, status,
                                               created_at, updated_at)
                select next.id, 'GRA-' || lpad(next.id::text, greatest(5, length(next.id::text)), '0'), ?, ?, ?, 'DRAFT', ?, ? from next
                returning id""")
                .params(clusterId, organisationId, createdBy, now(), now())
                .query(Long.class).single();
        return get(id);
    }

    /**
     * A draft of the organisation that its author has not touched yet (nothing typed, nothing attached): a second
     * click on "new application" opens it again rather than numbering another.
     */
    public Optional<String> untouchedDraft(long organisationId, String createdBy) {
        return jdbc.sql("""
                select reference from grant_application a
                where organisation_id = ? and created_by = ? and status = 'DRAFT' and version = 0 and title is null
                  and programme is null and call_id is null and summary is null
                  and not exists (select 1 from case_document d where d.business_key = a.reference)
                order by id desc limit 1""")
                .params(organisationId, createdBy).query(String.class).optional();
    }

    /** Holds new drafts of an organisation until the caller's transaction ends, so two clicks make one. */
    public void lockDrafts(long organisationId) {
        TransactionLocks.hold(jdbc, "grant_draft:" + organisationId);
    }

    /** Deletes a draft never submitted; false when it was submitted meanwhile. */
    public boolean deleteDraft(long id) {
        return jdbc.sql("delete from grant_application where id = ? and status = 'DRAFT'").param(id).update() == 1;
    }

    /** Stores the typed form if nobody changed the application since it was read; false otherwise. */
    public boolean update(long id, int version, GrantForm form) {
        int updated = jdbc.sql("""
                update grant_application set programme = ?, call_id = ?, call_deadline = ?, title = ?, summary = ?,
                    title_en = ?, summary_en = ?, requested_budget = ?, co_financing = ?, version = version + 1,
                    updated_at = ?
                where id = ? and version = ? and status in ('DRAFT', 'CHANGES_REQUESTED')""")
                .params(emptyToNull(form.getProgramme()), emptyToNull(form.getCallId()),
                        form.deadline() == null ? null : Date.valueOf(form.deadline()), emptyToNull(form.getTitle()),
                        emptyToNull(form.getSummary()), emptyToNull(form.getTitleEn()),
                        emptyToNull(form.getSummaryEn()), form.budget(), form.coFinancingAmount(), now(), id, version)
                .update();
        if (updated == 1) {
            jdbc.sql("delete from grant_partner where application_id = ? and not found_by_cluster").param(id).update();
            int position = 0;
            for (GrantForm.PartnerRow row : form.partners()) {
                addPartner(id, position++, row.name(), row.country(), row.role(), false);
            }
        }
        return updated == 1;
    }

    public void addPartner(long applicationId, int position, String name, String country, String role,
                           boolean foundByCluster) {
        jdbc.sql("insert into grant_partner (application_id, position, name, country, role, found_by_cluster) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(applicationId, position, name, country, role, foundByCluster).update();
    }

    public void updateStatus(long id, GrantStatus status) {
        jdbc.sql("update grant_application set status = ?, version = version + 1, updated_at = ? where id = ?")
                .params(status.name(), now(), id).update();
    }

    public void updateScreeningComment(long id, String comment) {
        jdbc.sql("update grant_application set screening_comment = ? where id = ?").params(comment, id).update();
    }

    public void updateSubmission(long id, String reference) {
        jdbc.sql("update grant_application set submission_reference = ? where id = ?").params(reference, id).update();
    }

    public void updateOutcome(long id, String outcome, BigDecimal amount) {
        jdbc.sql("update grant_application set outcome = ?, amount_granted = ? where id = ?")
                .params(outcome, amount, id).update();
    }

    public GrantApplication get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No grant application " + id));
    }

    public Optional<GrantApplication> find(long id) {
        return jdbc.sql("select * from grant_application where id = ?").param(id).query(this::toApplication)
                .optional();
    }

    public Optional<GrantApplication> findByReference(String reference) {
        return jdbc.sql("select * from grant_application where reference = ?").param(reference)
                .query(this::toApplication).optional();
    }

    public List<GrantApplication> ofOrganisations(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from grant_application where organisation_id in (:ids) order by created_at desc")
                .param("ids", organisationIds).query(this::toApplication).list();
    }

    public List<GrantApplication> ofClusters(Collection<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from grant_application where cluster_id in (:ids) and status <> 'DRAFT' "
                        + "order by created_at desc limit 300")
                .param("ids", clusterIds).query(this::toApplication).list();
    }

    /** Applications whose call deadline is today or later, soonest first. */
    public List<GrantApplication> upcomingDeadlines(Collection<String> clusterIds, Collection<Long> organisationIds,
                                                    LocalDate from) {
        if (clusterIds.isEmpty() && organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from grant_application
                where call_deadline >= :from
                  and ((cluster_id in (:clusters) and status <> 'DRAFT') or organisation_id in (:orgs))
                order by call_deadline, reference""")
                .param("from", Date.valueOf(from))
                .param("clusters", clusterIds.isEmpty() ? List.of("") : clusterIds)
                .param("orgs", organisationIds.isEmpty() ? List.of(-1L) : organisationIds)
                .query(this::toApplication).list();
    }

    public long insertReview(long applicationId, int round, String name, String email, String language) {
        return jdbc.sql("insert into grant_review (application_id, round, reviewer_name, reviewer_email, language) "
                        + "values (?, ?, ?, ?, ?) returning id")
                .params(applicationId, round, name, email, language).query(Long.class).single();
    }

    public int currentRound(long applicationId) {
        return jdbc.sql("select coalesce(max(round), 0) from grant_review where application_id = ?")
                .param(applicationId).query(Integer.class).single();
    }

    /** Records the scores once; false when this review was submitted already. */
    public boolean submitReview(long reviewId, int excellence, int impact, int implementation, String comment) {
        return jdbc.sql("""
                update grant_review set excellence = ?, impact = ?, implementation = ?, comment = ?, submitted_at = ?
                where id = ? and submitted_at is null""")
                .params(excellence, impact, implementation, comment, now(), reviewId).update() == 1;
    }

    public Optional<Review> review(long reviewId) {
        return jdbc.sql("select * from grant_review where id = ?").param(reviewId).query(GrantRepository::toReview)
                .optional();
    }

    public List<Review> reviews(long applicationId, int round) {
        return jdbc.sql("select * from grant_review where application_id = ? and round = ? order by id")
                .params(applicationId, round).query(GrantRepository::toReview).list();
    }

    private static Review toReview(ResultSet rs, int n) throws SQLException {
        return new Review(rs.getLong("id"), rs.getLong("application_id"), rs.getInt("round"),
                rs.getString("reviewer_name"), rs.getString("reviewer_email"), rs.getObject("excellence", Integer.class),
                rs.getObject("impact", Integer.class), rs.getObject("implementation", Integer.class),
                rs.getString("comment"), rs.getTimestamp("submitted_at") != null, rs.getString("language"));
    }

    private GrantApplication toApplication(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Date deadline = rs.getDate("call_deadline");
        List<GrantApplication.Partner> partners = jdbc.sql(
                        "select name, country, role, found_by_cluster from grant_partner where application_id = ? "
                                + "order by found_by_cluster, position, id")
                .param(id)
                .query((p, i) -> new GrantApplication.Partner(p.getString(1), p.getString(2), p.getString(3),
                        p.getBoolean(4)))
                .list();
        return new GrantApplication(id, rs.getString("reference"), rs.getString("cluster_id"),
                rs.getLong("organisation_id"), rs.getString("created_by"), GrantStatus.valueOf(rs.getString("status")),
                rs.getString("programme"), rs.getString("call_id"), deadline == null ? null : deadline.toLocalDate(),
                rs.getString("title"), rs.getString("summary"), rs.getBigDecimal("requested_budget"),
                rs.getBigDecimal("co_financing"), rs.getString("screening_comment"),
                rs.getString("submission_reference"), rs.getString("outcome"), rs.getBigDecimal("amount_granted"),
                rs.getInt("version"), partners, rs.getString("title_en"), rs.getString("summary_en"));
    }

    private static Timestamp now() {
        return Timestamp.from(AppClock.now());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
