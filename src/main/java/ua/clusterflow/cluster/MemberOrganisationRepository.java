package ua.clusterflow.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;

@Repository
public class MemberOrganisationRepository {

    /** The statuses of a membership that has ended, as the table holds them. */
    private static final List<String> ENDED = Arrays.stream(MembershipStatus.values()).filter(MembershipStatus::ended)
            .map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final ClusterDirectory directory;
    private final AuditTrail audit;

    public MemberOrganisationRepository(JdbcClient jdbc, ClusterDirectory directory, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * Stores a member with its status (current unless the record says otherwise) from its joining day, that status as
     * the first entry of its history, and its contact as the main contact.
     */
    public long insert(MemberOrganisation org) {
        return insert(org, "joined");
    }

    /** As {@link #insert(MemberOrganisation)}, with the reason its history begins with ("joined", "imported"). */
    public long insert(MemberOrganisation org, String reason) {
        Instant joined = org.joinedAt() == null ? AppClock.now() : org.joinedAt();
        LocalDate since = joined.atZone(AppClock.KYIV).toLocalDate();
        long id = jdbc.sql("""
                insert into member_organisation (cluster_id, name, edrpou, category, sectors, headcount, region,
                    offers, needs, contact_user, fee_category, annual_fee, joined_at, status, status_since, paid_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(org.clusterId(), org.name(), org.edrpou(), org.category(), org.sectors(), org.headcount(),
                        org.region(), org.offers(), org.needs(), org.contactUser(), org.feeCategory(), org.annualFee(),
                        Timestamp.from(joined), org.status().name(), since, org.paidUntil())
                .query(Long.class).single();
        jdbc.sql("insert into membership_event (organisation_id, on_day, status, reason, at) values (?, ?, ?, ?, ?)")
                .params(id, since, org.status().name(), reason, Timestamp.from(AppClock.now())).update();
        audit.record(AuditTrail.Change.toOrganisation(find(id).orElseThrow(), reason));
        if (org.contactUser() != null) {
            addPerson(id, org.contactUser(), OrganisationRole.MAIN);
        }
        return id;
    }

    /**
     * Removes an organisation that should never have been (an import undone) with its people; its history and dues
     * are its membership's to remove first.
     */
    public void delete(long id) {
        jdbc.sql("delete from organisation_person where organisation_id = ?").param(id).update();
        jdbc.sql("delete from member_organisation where id = ?").param(id).update();
    }

    /**
     * Every column of the database that names an organisation, as "table.column": those with a foreign key to it, read
     * from the catalogue, and those called {@code organisation_id} without one (the case register, invoices). The audit
     * trail's is not among them: it tells what happened to the organisation and stays as it was written.
     */
    public List<String> namingColumns() {
        return jdbc.sql("""
                        select cl.relname || '.' || a.attname from pg_constraint c
                        join pg_class cl on cl.oid = c.conrelid
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                        where c.contype = 'f' and c.confrelid = 'member_organisation'::regclass
                        union
                        select c.table_name || '.' || c.column_name from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                          and c.column_name = 'organisation_id' and c.table_name <> 'audit_entry'
                        order by 1""").query(String.class).list();
    }

    /**
     * Adds a person to an organisation's people, or gives them this role there if they are in already. There is one
     * main contact: the one before stays among the people as "other".
     */
    public void addPerson(long organisationId, String userId, OrganisationRole role) {
        if (role == OrganisationRole.MAIN) {
            jdbc.sql("""
                    update organisation_person set org_role = 'OTHER'
                    where organisation_id = ? and user_id <> ? and org_role = 'MAIN'""")
                    .params(organisationId, userId).update();
        }
        jdbc.sql("""
                insert into organisation_person (organisation_id, user_id, org_role, added_at) values (?, ?, ?, ?)
                on conflict (organisation_id, user_id) do update set org_role = excluded.org_role""")
                .params(organisationId, userId, role.name(), Timestamp.from(AppClock.now())).update();
        if (role == OrganisationRole.MAIN) {
            jdbc.sql("update member_organisation set contact_user = ? where id = ?").params(userId, organisationId)
                    .update();
        }
    }

    public void removePerson(long organisationId, String userId) {
        jdbc.sql("delete from organisation_person where organisation_id = ? and user_id = ?")
                .params(organisationId, userId).update();
        jdbc.sql("update member_organisation set contact_user = null where id = ? and contact_user = ?")
                .params(organisationId, userId).update();
    }

    /** The people of an organisation, main contact first. */
    public List<OrganisationPerson> people(long organisationId) {
        return jdbc.sql("""
                select user_id, org_role from organisation_person where organisation_id = ?
                order by case org_role when 'MAIN' then 0 when 'BILLING' then 1 when 'EXPERT' then 2 else 3 end, added_at""")
                .param(organisationId)
                .query((rs, n) -> new OrganisationPerson(rs.getString(1), OrganisationRole.valueOf(rs.getString(2))))
                .list();
    }

    /** A person a member organisation names as its technical expert, with the organisation's name. */
    public record OrganisationExpert(String userId, String organisationName, String category) {
    }

    /** The technical experts the cluster's active members name, by organisation. */
    public List<OrganisationExpert> expertsOf(String clusterId) {
        return jdbc.sql("""
                select p.user_id, o.name, o.category from organisation_person p
                join member_organisation o on o.id = p.organisation_id
                where o.cluster_id = ? and p.org_role = 'EXPERT' and o.status in ('CURRENT', 'IN_GRACE')
                order by o.name limit 50""")
                .param(clusterId)
                .query((rs, n) -> new OrganisationExpert(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The other active organisations of the cluster this person speaks for, beside the one given. */
    public boolean speaksForAnotherActive(String userId, String clusterId, long organisationId) {
        return jdbc.sql("""
                select count(*) from organisation_person p join member_organisation o on o.id = p.organisation_id
                where p.user_id = ? and o.cluster_id = ? and o.id <> ? and o.status in ('CURRENT', 'IN_GRACE')""")
                .params(userId, clusterId, organisationId).query(Long.class).single() > 0;
    }

    /** Whether the organisation is a member of the cluster now: one that resigned or was excluded is not. */
    public boolean memberByEdrpou(String clusterId, String edrpou) {
        return jdbc.sql("""
                select count(*) from member_organisation where cluster_id = :cluster and edrpou = :edrpou
                and status not in (:ended)""").param("cluster", clusterId).param("edrpou", edrpou)
                .param("ended", ENDED).query(Long.class).single() > 0;
    }

    /**
     * A member admitted: a former member of the cluster (one that resigned or was excluded) joins again under its
     * record, with its history kept and "rejoined" added to it; any other is stored as new.
     */
    public long admit(MemberOrganisation org) {
        Long former = jdbc.sql("""
                select id from member_organisation where cluster_id = :cluster and edrpou = :edrpou
                and status in (:ended)""").param("cluster", org.clusterId()).param("edrpou", org.edrpou())
                .param("ended", ENDED).query(Long.class).optional().orElse(null);
        if (former == null) {
            return insert(org);
        }
        LocalDate today = AppClock.today();
        jdbc.sql("""
                update member_organisation set name = ?, category = ?, sectors = ?, headcount = ?, region = ?,
                    offers = ?, needs = ?, contact_user = ?, fee_category = ?, annual_fee = ?, status = ?,
                    status_since = ?, paid_until = null
                where id = ?""")
                .params(org.name(), org.category(), org.sectors(), org.headcount(), org.region(), org.offers(),
                        org.needs(), org.contactUser(), org.feeCategory(), org.annualFee(),
                        MembershipStatus.CURRENT.name(), today, former).update();
        jdbc.sql("insert into membership_event (organisation_id, on_day, status, reason, at) values (?, ?, ?, ?, ?)")
                .params(former, today, MembershipStatus.CURRENT.name(), "rejoined", Timestamp.from(AppClock.now()))
                .update();
        audit.record(AuditTrail.Change.toOrganisation(find(former).orElseThrow(), "rejoined"));
        if (org.contactUser() != null) {
            addPerson(former, org.contactUser(), OrganisationRole.MAIN);
        }
        return former;
    }

    public Optional<MemberOrganisation> find(long id) {
        return jdbc.sql("select * from member_organisation where id = ?").param(id)
                .query(MemberOrganisationRepository::toOrganisation).optional();
    }

    /** The member's own profile: what it offers and needs, and its size and place. */
    public void updateProfile(long id, String sectors, int headcount, String region, String offers, String needs) {
        jdbc.sql("update member_organisation set sectors = ?, headcount = ?, region = ?, offers = ?, needs = ? where id = ?")
                .params(sectors, headcount, region, offers, needs, id).update();
    }

    /**
     * The register's facts about an organisation, as a coordinator corrected them, stored only while they still stand
     * as the coordinator read them; false when someone changed them meanwhile.
     */
    public boolean updateDetails(MemberOrganisation read, String name, String edrpou, String category, String sectors,
                                 String region, int headcount) {
        return jdbc.sql("""
                update member_organisation set name = ?, edrpou = ?, category = ?, sectors = ?, region = ?, headcount = ?
                where id = ? and name = ? and edrpou = ? and category = ? and coalesce(sectors, '') = ?
                  and coalesce(region, '') = ? and headcount = ?""")
                .params(name, edrpou, category, sectors, region, headcount, read.id(), read.name(), read.edrpou(),
                        read.category(), read.sectors() == null ? "" : read.sectors(),
                        read.region() == null ? "" : read.region(), read.headcount())
                .update() == 1;
    }

    /** Whether another organisation of the cluster, current or former, has the code. */
    public boolean edrpouTaken(String clusterId, String edrpou, long exceptId) {
        return jdbc.sql("select count(*) from member_organisation where cluster_id = ? and edrpou = ? and id <> ?")
                .params(clusterId, edrpou, exceptId).query(Long.class).single() > 0;
    }

    public String clusterOf(long organisationId) {
        return jdbc.sql("select cluster_id from member_organisation where id = ?").param(organisationId)
                .query(String.class).single();
    }

    public String name(long organisationId) {
        return jdbc.sql("select name from member_organisation where id = ?").param(organisationId)
                .query(String.class).single();
    }

    /**
     * The organisations a person speaks for now: those whose people they are in while the organisation is an active
     * member and they hold the member role in its cluster. Read on every use, so a person taken out of a cluster, or
     * whose organisation lapsed or left, loses its cases and drafts on the next request.
     */
    public List<Long> idsForContact(String userId) {
        record Speaks(long id, String clusterId) {
        }
        List<Speaks> active = jdbc.sql("""
                select o.id, o.cluster_id from organisation_person p join member_organisation o on o.id = p.organisation_id
                where p.user_id = ? and o.status in ('CURRENT', 'IN_GRACE') order by o.id""").param(userId)
                .query((rs, n) -> new Speaks(rs.getLong(1), rs.getString(2))).list();
        if (active.isEmpty()) {
            return List.of();
        }
        Map<String, Set<Role>> roles = directory.rolesOf(userId);
        return active.stream().filter(s -> roles.getOrDefault(s.clusterId(), Set.of()).contains(Role.MEMBER))
                .map(Speaks::id).toList();
    }

    /** Every organisation a person is among the people of, whatever its status. */
    public List<Long> idsWithPerson(String userId) {
        return jdbc.sql("select organisation_id from organisation_person where user_id = ? order by organisation_id")
                .param(userId).query(Long.class).list();
    }

    /** The cluster's active members (current or in grace), by name. */
    public List<MemberOrganisation> ofCluster(String clusterId) {
        return jdbc.sql("select * from member_organisation where cluster_id = ? and status in ('CURRENT', 'IN_GRACE') "
                        + "order by name").param(clusterId)
                .query(MemberOrganisationRepository::toOrganisation).list();
    }

    public static MemberOrganisation toOrganisation(ResultSet rs, int n) throws SQLException {
        return new MemberOrganisation(rs.getLong("id"), rs.getString("cluster_id"), rs.getString("name"),
                rs.getString("edrpou"), rs.getString("category"), rs.getString("sectors"), rs.getInt("headcount"),
                rs.getString("region"), rs.getString("offers"), rs.getString("needs"), rs.getString("contact_user"),
                rs.getString("fee_category"), rs.getBigDecimal("annual_fee"), rs.getTimestamp("joined_at").toInstant(),
                MembershipStatus.valueOf(rs.getString("status")), rs.getObject("paid_until", LocalDate.class));
    }
}
