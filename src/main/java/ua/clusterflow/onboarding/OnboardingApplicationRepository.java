package ua.clusterflow.onboarding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;

@Repository
public class OnboardingApplicationRepository {

    private final JdbcClient jdbc;

    public OnboardingApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the application, or returns null when this submission was stored already. */
    public Long insert(String submissionId, String clusterId, ApplicationData d, String language) {
        Timestamp now = Timestamp.from(AppClock.now());
        return jdbc.sql("""
                with next as (select nextval(pg_get_serial_sequence('onboarding_application', 'id')) as id)
                insert into onboarding_application (id, reference, submission_id, cluster_id, status, name, edrpou,
                    category, sectors, headcount, region, contact_name, contact_email, contact_phone, language,
                    offers, needs, consent_at, created_at, updated_at)
                select next.id, 'ONB-' || lpad(next.id::text, greatest(5, length(next.id::text)), '0'),
                       ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                from next
                on conflict (submission_id) do nothing
                returning id""")
                .params(submissionId, clusterId, d.name(), d.edrpou(), d.category(), d.sectors(), d.headcount(),
                        d.region(), d.contactName(), d.contactEmail(), d.contactPhone(), language, d.offers(),
                        d.needs(), now, now, now)
                .query(Long.class).optional().orElse(null);
    }

    public Optional<OnboardingApplication> findBySubmission(String submissionId) {
        return jdbc.sql("select * from onboarding_application where submission_id = ?").param(submissionId)
                .query(OnboardingApplicationRepository::toApplication).optional();
    }

    public Optional<OnboardingApplication> find(long id) {
        return jdbc.sql("select * from onboarding_application where id = ?").param(id)
                .query(OnboardingApplicationRepository::toApplication).optional();
    }

    public Optional<OnboardingApplication> findByReference(String reference) {
        return jdbc.sql("select * from onboarding_application where reference = ?").param(reference)
                .query(OnboardingApplicationRepository::toApplication).optional();
    }

    public OnboardingApplication get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No onboarding application " + id));
    }

    /** Another open application of the same organisation in the same cluster. */
    public boolean otherOpenWithEdrpou(String clusterId, String edrpou, long exceptId) {
        return jdbc.sql("""
                select count(*) from onboarding_application
                where cluster_id = ? and edrpou = ? and id <> ?
                  and status not in ('DUPLICATE', 'ABANDONED', 'REJECTED', 'BOARD_REJECTED', 'PAYMENT_CANCELLED')""")
                .params(clusterId, edrpou, exceptId).query(Long.class).single() > 0;
    }

    public void updateStatus(long id, ApplicationStatus status) {
        jdbc.sql("update onboarding_application set status = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(status.name(), Timestamp.from(AppClock.now()), id).update();
    }

    public void updateDecisionReason(long id, String reason) {
        jdbc.sql("update onboarding_application set decision_reason = ? where id = ?").params(reason, id).update();
    }

    public void updateFee(long id, String feeCategory, BigDecimal annualFee) {
        jdbc.sql("update onboarding_application set fee_category = ?, annual_fee = ? where id = ?")
                .params(feeCategory, annualFee, id).update();
    }

    public void linkOrganisation(long id, long organisationId) {
        jdbc.sql("update onboarding_application set organisation_id = ? where id = ?").params(organisationId, id)
                .update();
    }

    /** Replaces the data of an application waiting for amendment; false when it is no longer waiting. */
    public boolean amend(long id, ApplicationData d) {
        return jdbc.sql("""
                update onboarding_application set name = ?, edrpou = ?, category = ?, sectors = ?, headcount = ?,
                    region = ?, contact_name = ?, contact_email = ?, contact_phone = ?, offers = ?, needs = ?,
                    status = 'IN_REVIEW', updated_at = ?, version = version + 1
                where id = ? and status = 'INFO_REQUESTED'""")
                .params(d.name(), d.edrpou(), d.category(), d.sectors(), d.headcount(), d.region(), d.contactName(),
                        d.contactEmail(), d.contactPhone(), d.offers(), d.needs(), Timestamp.from(AppClock.now()), id)
                .update() == 1;
    }

    private static OnboardingApplication toApplication(ResultSet rs, int n) throws SQLException {
        Long org = rs.getObject("organisation_id", Long.class);
        return new OnboardingApplication(rs.getLong("id"), rs.getString("reference"), rs.getString("cluster_id"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("name"), rs.getString("edrpou"),
                rs.getString("category"), rs.getString("sectors"), rs.getInt("headcount"), rs.getString("region"),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
                rs.getString("language"), rs.getString("offers"), rs.getString("needs"), rs.getString("fee_category"),
                rs.getBigDecimal("annual_fee"), rs.getString("decision_reason"), org,
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant());
    }
}
