package ua.clusterflow.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.system.AppClock;

@Repository
public class MemberOrganisationRepository {

    private final JdbcClient jdbc;

    public MemberOrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(MemberOrganisation org) {
        return jdbc.sql("""
                insert into member_organisation (cluster_id, name, edrpou, category, sectors, headcount, region,
                    offers, needs, contact_user, fee_category, annual_fee, joined_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(org.clusterId(), org.name(), org.edrpou(), org.category(), org.sectors(), org.headcount(),
                        org.region(), org.offers(), org.needs(), org.contactUser(), org.feeCategory(), org.annualFee(),
                        Timestamp.from(AppClock.now()))
                .query(Long.class).single();
    }

    public boolean existsByEdrpou(String clusterId, String edrpou) {
        return jdbc.sql("select count(*) from member_organisation where cluster_id = ? and edrpou = ?")
                .params(clusterId, edrpou).query(Long.class).single() > 0;
    }

    public java.util.Optional<MemberOrganisation> find(long id) {
        return jdbc.sql("select * from member_organisation where id = ?").param(id)
                .query(MemberOrganisationRepository::toOrganisation).optional();
    }

    /** The member's own profile: what it offers and needs, and its size and place. */
    public void updateProfile(long id, String sectors, int headcount, String region, String offers, String needs) {
        jdbc.sql("update member_organisation set sectors = ?, headcount = ?, region = ?, offers = ?, needs = ? where id = ?")
                .params(sectors, headcount, region, offers, needs, id).update();
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
     * The organisations a person speaks for now: those whose contact they are while they hold the member role in the
     * organisation's cluster. Read on every use, so a contact taken out of a cluster loses its organisation's cases
     * and drafts on the next request.
     */
    public List<Long> idsForContact(String userId) {
        return jdbc.sql("""
                select o.id from member_organisation o
                where o.contact_user = ?
                  and exists (select 1 from act_id_membership m
                              where m.user_id_ = o.contact_user and m.group_id_ = o.cluster_id || '-member')
                order by o.id""").param(userId)
                .query(Long.class).list();
    }

    public List<MemberOrganisation> ofCluster(String clusterId) {
        return jdbc.sql("select * from member_organisation where cluster_id = ? order by name").param(clusterId)
                .query(MemberOrganisationRepository::toOrganisation).list();
    }

    static MemberOrganisation toOrganisation(ResultSet rs, int n) throws SQLException {
        return new MemberOrganisation(rs.getLong("id"), rs.getString("cluster_id"), rs.getString("name"),
                rs.getString("edrpou"), rs.getString("category"), rs.getString("sectors"), rs.getInt("headcount"),
                rs.getString("region"), rs.getString("offers"), rs.getString("needs"), rs.getString("contact_user"),
                rs.getString("fee_category"), rs.getBigDecimal("annual_fee"), rs.getTimestamp("joined_at").toInstant());
    }
}
