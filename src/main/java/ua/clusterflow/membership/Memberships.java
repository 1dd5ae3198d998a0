package ua.clusterflow.membership;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.cluster.AuditTrail;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.cluster.Person;

/** The membership records: each organisation's status and history, the dues of each year, each cluster's terms. */
@Repository
public class Memberships {

    /** One change in an organisation's membership, with its day and reason. */
    public record Event(LocalDate onDay, MembershipStatus status, String reason, String actor) {
    }

    /** The dues of one membership year. */
    public record Dues(long organisationId, LocalDate yearFrom, String feeCategory, BigDecimal amount,
                       LocalDate invoicedOn, LocalDate paidOn, String paymentReference) {
    }

    /** A line of the member register: the organisation and its people as "name &lt;mail&gt;", main contact first. */
    public record RegisterRow(MemberOrganisation organisation, LocalDate statusSince, LocalDate noticeUntil,
                              String contacts) {
    }

    private final JdbcClient jdbc;
    private final ClusterDirectory directory;
    private final MemberOrganisationRepository organisations;
    private final AuditTrail audit;

    public Memberships(JdbcClient jdbc, ClusterDirectory directory, MemberOrganisationRepository organisations,
                       AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.organisations = organisations;
        this.audit = audit;
    }

    public MembershipTerms terms(String clusterId) {
        return jdbc.sql("select * from membership_terms where cluster_id = ?").param(clusterId)
                .query((rs, n) -> new MembershipTerms(clusterId,
                        rs.getObject("renewal_month") == null ? null
                                : MonthDay.of(rs.getInt("renewal_month"), rs.getInt("renewal_day")),
                        rs.getInt("payment_days"), rs.getInt("grace_days"), rs.getInt("notice_days")))
                .optional().orElse(MembershipTerms.defaults(clusterId));
    }

    public void saveTerms(MembershipTerms terms, String by) {
        jdbc.sql("""
                insert into membership_terms (cluster_id, renewal_month, renewal_day, payment_days, grace_days,
                    notice_days, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (cluster_id) do update set renewal_month = excluded.renewal_month,
                    renewal_day = excluded.renewal_day, payment_days = excluded.payment_days,
                    grace_days = excluded.grace_days, notice_days = excluded.notice_days,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(terms.clusterId(), terms.renewalDay() == null ? null : terms.renewalDay().getMonthValue(),
                        terms.renewalDay() == null ? null : terms.renewalDay().getDayOfMonth(), terms.paymentDays(),
                        terms.graceDays(), terms.noticeDays(), by, Timestamp.from(AppClock.now()))
                .update();
        audit.record(AuditTrail.Change.toCluster(terms.clusterId(), AuditTrail.Area.RECORDS, "audit.termsChanged",
                null));
    }

    /** Moves an organisation to a status from a day, and writes it into its history. */
    public void setStatus(long organisationId, MembershipStatus status, LocalDate day, String reason, String actor) {
        jdbc.sql("update member_organisation set status = ?, status_since = ? where id = ?")
                .params(status.name(), day, organisationId).update();
        addEvent(organisationId, status, day, reason, actor);
    }

    /** Writes an entry into an organisation's history that leaves its status as it is. */
    public void addEvent(long organisationId, MembershipStatus status, LocalDate day, String reason, String actor) {
        jdbc.sql("insert into membership_event (organisation_id, on_day, status, reason, actor, at) values (?, ?, ?, ?, ?, ?)")
                .params(organisationId, day, status.name(), reason, actor, Timestamp.from(AppClock.now())).update();
        organisations.find(organisationId)
                .ifPresent(org -> audit.record(AuditTrail.Change.toOrganisation(org, reason), actor));
    }

    public List<Event> history(long organisationId) {
        return jdbc.sql("select * from membership_event where organisation_id = ? order by at, id").param(organisationId)
                .query((rs, n) -> new Event(rs.getObject("on_day", LocalDate.class),
                        MembershipStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("actor")))
                .list();
    }

    public void setPaidUntil(long organisationId, LocalDate paidUntil) {
        jdbc.sql("update member_organisation set paid_until = ? where id = ?").params(paidUntil, organisationId).update();
    }

    public void setNoticeUntil(long organisationId, LocalDate until) {
        jdbc.sql("update member_organisation set notice_until = ? where id = ?").params(until, organisationId).update();
    }

    public Optional<LocalDate> noticeUntil(long organisationId) {
        return jdbc.sql("select notice_until from member_organisation where id = ?").param(organisationId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    /** The year's dues as the fee table gave them; a second call for the same year keeps the first. */
    public void addDues(long organisationId, LocalDate yearFrom, String feeCategory, BigDecimal amount) {
        jdbc.sql("""
                insert into membership_dues (organisation_id, year_from, fee_category, amount) values (?, ?, ?, ?)
                on conflict (organisation_id, year_from) do nothing""")
                .params(organisationId, yearFrom, feeCategory, amount).update();
    }

    public void invoiced(long organisationId, LocalDate yearFrom, LocalDate on) {
        jdbc.sql("update membership_dues set invoiced_on = ? where organisation_id = ? and year_from = ?")
                .params(on, organisationId, yearFrom).update();
    }

    public void paid(long organisationId, LocalDate yearFrom, LocalDate on, String reference) {
        jdbc.sql("""
                update membership_dues set paid_on = ?, payment_reference = ?
                where organisation_id = ? and year_from = ?""")
                .params(on, reference, organisationId, yearFrom).update();
    }

    public Optional<Dues> dues(long organisationId, LocalDate yearFrom) {
        return jdbc.sql("select * from membership_dues where organisation_id = ? and year_from = ?")
                .params(organisationId, yearFrom).query(Memberships::toDues).optional();
    }

    public List<Dues> duesOf(long organisationId) {
        return jdbc.sql("select * from membership_dues where organisation_id = ? order by year_from desc")
                .param(organisationId).query(Memberships::toDues).list();
    }

    public int yearsPaidBefore(long organisationId, LocalDate yearFrom) {
        return jdbc.sql("select count(*) from membership_dues where organisation_id = ? and year_from < ?")
                .params(organisationId, yearFrom).query(Integer.class).single();
    }

    /**
     * The cluster's member register in one statement: every organisation, whatever its status (or only those of one
     * status and category), with its people.
     */
    public List<RegisterRow> register(String clusterId, MembershipStatus status, String category) {
        // the people's names and addresses from the directory: the cluster's people in one call, a former one alone
        Map<String, Person> people = new HashMap<>();
        directory.peopleOfCluster(clusterId).forEach(p -> people.put(p.id(), p));
        Function<String, String> contacts = ids -> ids == null ? null : String.join(", ",
                Arrays.stream(ids.split(",")).map(id -> people.computeIfAbsent(id,
                                missing -> directory.person(missing).orElse(null)))
                        .filter(Objects::nonNull)
                        .map(p -> p.displayName() + " <" + p.email() + ">").toList());
        return jdbc.sql("""
                select o.*, (select string_agg(p.user_id, ','
                                               order by case p.org_role when 'MAIN' then 0 else 1 end, p.added_at)
                             from organisation_person p where p.organisation_id = o.id) as contacts
                from member_organisation o
                where o.cluster_id = :cluster and (:status = '' or o.status = :status)
                  and (:category = '' or o.category = :category)
                order by o.name""")
                .param("cluster", clusterId).param("status", status == null ? "" : status.name())
                .param("category", category == null ? "" : category)
                .query((rs, n) -> new RegisterRow(MemberOrganisationRepository.toOrganisation(rs, n),
                        rs.getObject("status_since", LocalDate.class), rs.getObject("notice_until", LocalDate.class),
                        contacts.apply(rs.getString("contacts"))))
                .list();
    }

    private static Dues toDues(ResultSet rs, int n) throws SQLException {
        return new Dues(rs.getLong("organisation_id"), rs.getObject("year_from", LocalDate.class),
                rs.getString("fee_category"), rs.getBigDecimal("amount"), rs.getObject("invoiced_on", LocalDate.class),
                rs.getObject("paid_on", LocalDate.class), rs.getString("payment_reference"));
    }
}
