package ua.clusterflow.cluster;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.mail.MailOutbox;

/**
 * Asks a person who has an account already before a cluster's role or an organisation's place is theirs: someone
 * who typed their address cannot pull them into a cluster, nor give them its members' cases, unasked. The person
 * reads what is asked of them on one page after signing in and accepts or declines each.
 */
@Service
public class Joinings {

    /** One open question: join this cluster with this role, or this organisation's people with this role there. */
    public record Joining(long id, String clusterId, String clusterName, Role role, Long organisationId,
                          String organisationName, OrganisationRole organisationRole, String invitedBy) {
    }

    private final JdbcClient jdbc;
    private final ClusterDirectory directory;
    private final MemberOrganisationRepository organisations;
    private final MailOutbox outbox;

    public Joinings(JdbcClient jdbc, ClusterDirectory directory, MemberOrganisationRepository organisations,
                    MailOutbox outbox) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    /**
     * Asks the person; one mail for all that is asked of them in a cluster while they have not answered. A question
     * asked already and still open is not asked again.
     */
    @Transactional
    public void ask(Person person, String clusterId, Role role, Long organisationId, OrganisationRole organisationRole,
                    String invitedBy) {
        boolean mailedAlready = jdbc.sql("select count(*) from joining where user_id = ? and cluster_id = ? "
                        + "and answered_at is null").params(person.id(), clusterId).query(Long.class).single() > 0;
        boolean same = jdbc.sql("""
                select count(*) from joining where user_id = ? and cluster_id = ? and answered_at is null
                and role is not distinct from ? and organisation_id is not distinct from ?
                and organisation_role is not distinct from ?""")
                .params(person.id(), clusterId, role == null ? null : role.name(), organisationId,
                        organisationRole == null ? null : organisationRole.name())
                .query(Long.class).single() > 0;
        if (!same) {
            jdbc.sql("""
                    insert into joining (cluster_id, user_id, role, organisation_id, organisation_role, invited_by,
                                         invited_at) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(clusterId, person.id(), role == null ? null : role.name(), organisationId,
                            organisationRole == null ? null : organisationRole.name(), invitedBy,
                            Timestamp.from(AppClock.now())).update();
        }
        if (!mailedAlready) {
            String clusterName = directory.clusterName(clusterId);
            outbox.queue(person, "joining-invitation", Map.of("clusterName", clusterName,
                    "joiningLink", outbox.link("/joining"), "subjectArg", clusterName), null);
        }
    }

    /** What is asked of the person and not answered yet, oldest first. */
    public List<Joining> open(String userId) {
        return jdbc.sql("""
                select j.id, j.cluster_id, j.role, j.organisation_id, o.name, j.organisation_role, j.invited_by
                from joining j left join member_organisation o on o.id = j.organisation_id
                where j.user_id = ? and j.answered_at is null order by j.invited_at, j.id""")
                .param(userId)
                .query((rs, n) -> new Joining(rs.getLong(1), rs.getString(2), directory.clusterName(rs.getString(2)),
                        rs.getString(3) == null ? null : Role.valueOf(rs.getString(3)),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5),
                        rs.getString(6) == null ? null : OrganisationRole.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : directory.displayName(rs.getString(7))))
                .list();
    }

    /** The person's answer; false when the question is not theirs or was answered already. */
    @Transactional
    public boolean answer(String userId, long id, boolean accepted) {
        Joining joining = open(userId).stream().filter(j -> j.id() == id).findFirst().orElse(null);
        if (joining == null || jdbc.sql("update joining set answered_at = ?, accepted = ? where id = ? and "
                        + "answered_at is null").params(Timestamp.from(AppClock.now()), accepted, id).update() != 1) {
            return false;
        }
        if (accepted) {
            if (joining.role() != null) {
                directory.grant(userId, joining.clusterId(), joining.role());
            }
            if (joining.organisationId() != null) {
                organisations.addPerson(joining.organisationId(), userId, joining.organisationRole());
            }
        }
        return true;
    }
}
