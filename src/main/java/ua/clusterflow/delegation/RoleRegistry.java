package ua.clusterflow.delegation;

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

/** The roles each cluster keeps, and who held and holds them. */
@Repository
public class RoleRegistry {

    private final JdbcClient jdbc;

    public RoleRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cluster's roles; a cluster without a list gets the usual four. */
    public List<BoardRole> catalogue(String clusterId) {
        jdbc.sql("""
                insert into board_role (cluster_id, code, name_uk, name_en, rights)
                select :cluster, code, name_uk, name_en, rights from (values
                    ('export-marketing', 'Лідер експортного маркетингу', 'Export marketing lead', null),
                    ('fundraising', 'Лідер із залучення коштів', 'Fundraising lead', 'grant-screening'),
                    ('university-relations', 'Зв''язки з університетами', 'University relations', null),
                    ('government-relations', 'Зв''язки з органами влади', 'Government relations', null))
                    as defaults(code, name_uk, name_en, rights)
                where not exists (select 1 from board_role where cluster_id = :cluster)
                on conflict do nothing""").param("cluster", clusterId).update();
        return jdbc.sql("select cluster_id, code, name_uk, name_en, rights from board_role where cluster_id = ? order by id")
                .param(clusterId)
                .query((rs, n) -> new BoardRole(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    public Optional<BoardRole> role(String clusterId, String code) {
        return catalogue(clusterId).stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public RoleTerm insertProposal(String clusterId, String roleCode, String nominee, String proposer,
                                   String responsibilities, String expectedResults, int hours, LocalDate start,
                                   LocalDate end) {
        long id = jdbc.sql("""
                with next as (select nextval(pg_get_serial_sequence('role_term', 'id')) as id)
                insert into role_term (id, business_key, cluster_id, role_code, holder, proposer, status,
                    responsibilities, expected_results, hours_per_month, term_start, term_end, created_at)
                select next.id, 'ROLE-' || lpad(next.id::text, greatest(5, length(next.id::text)), '0'), ?, ?, ?, ?, 'PROPOSED', ?, ?, ?, ?, ?, ?
                from next returning id""")
                .params(clusterId, roleCode, nominee, proposer, responsibilities, expectedResults, hours,
                        Date.valueOf(start), Date.valueOf(end), Timestamp.from(AppClock.now()))
                .query(Long.class).single();
        return get(id);
    }

    public RoleTerm get(long id) {
        return jdbc.sql("select * from role_term where id = ?").param(id).query(RoleRegistry::toTerm).single();
    }

    public Optional<RoleTerm> byBusinessKey(String businessKey) {
        return jdbc.sql("select * from role_term where business_key = ?").param(businessKey)
                .query(RoleRegistry::toTerm).optional();
    }

    public List<RoleTerm> ofCluster(String clusterId) {
        return jdbc.sql("select * from role_term where cluster_id = ? order by role_code, term_start desc, id desc")
                .param(clusterId).query(RoleRegistry::toTerm).list();
    }

    public void setHolder(long id, String holder) {
        jdbc.sql("update role_term set holder = ? where id = ?").params(holder, id).update();
    }

    public void setStatus(long id, String status) {
        boolean ends = !RoleStatus.ACTIVE.name().equals(status) && !RoleStatus.PROPOSED.name().equals(status);
        jdbc.sql("update role_term set status = ?, started_at = case when ? = 'ACTIVE' then ? else started_at end, "
                        + "ended_at = case when ? then ? else ended_at end where id = ?")
                .params(status, status, Timestamp.from(AppClock.now()), ends, Timestamp.from(AppClock.now()), id)
                .update();
    }

    public void renew(long id, LocalDate newEnd) {
        jdbc.sql("update role_term set term_number = term_number + 1, term_start = term_end + 1, term_end = ? where id = ?")
                .params(Date.valueOf(newEnd), id).update();
    }

    private static RoleTerm toTerm(ResultSet rs, int n) throws SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        Timestamp ended = rs.getTimestamp("ended_at");
        return new RoleTerm(rs.getLong("id"), rs.getString("business_key"), rs.getString("cluster_id"),
                rs.getString("role_code"), rs.getString("holder"), rs.getString("proposer"), rs.getString("status"),
                rs.getInt("term_number"), rs.getString("responsibilities"), rs.getString("expected_results"),
                rs.getInt("hours_per_month"), rs.getDate("term_start").toLocalDate(),
                rs.getDate("term_end").toLocalDate(), started == null ? null : started.toInstant(),
                ended == null ? null : ended.toInstant());
    }
}
