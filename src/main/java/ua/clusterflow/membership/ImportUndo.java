package ua.clusterflow.membership;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.AuditTrail;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * An import undone as a whole: every organisation it brought in removed with its open year's case, its history and
 * its main contact's place, as if the file had never been read. Only while nothing else has happened to those
 * organisations; otherwise nothing is removed and each obstacle is named.
 */
@Service
public class ImportUndo {

    /** Something that happened to an organisation of the import since: a message key with its argument. */
    public record Obstacle(String organisation, String key, String arg) {
    }

    /**
     * The tables whose rows of the organisation go with it or are checked above on their own terms, left out of the
     * check for other records.
     */
    private static final Set<String> CHECKED_APART = Set.of("membership_event", "membership_dues",
            "organisation_person", "member_import_organisation", "case_record", "invoice", "member_organisation");

    private record Brought(long organisationId, String yearCase, String contact, boolean contactCreated) {
    }

    private final JdbcClient jdbc;
    private final MemberOrganisationRepository organisations;
    private final MembershipYears years;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final AuditTrail audit;

    public ImportUndo(JdbcClient jdbc, MemberOrganisationRepository organisations, MembershipYears years,
                      CaseRepository cases, ClusterDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
        this.years = years;
        this.cases = cases;
        this.directory = directory;
    }

    /** When the import was undone, if it was. */
    public Optional<Instant> undoneAt(UUID id) {
        return jdbc.sql("select undone_at from member_import where id = ? and undone_at is not null").param(id)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Whether there is anything to undo: the import brought organisations in and is not undone. */
    public boolean undoable(UUID id) {
        return undoneAt(id).isEmpty() && !brought(id).isEmpty();
    }

    /** What stands in the way of undoing the import; empty when it can be undone. */
    @Transactional(readOnly = true)
    public List<Obstacle> obstacles(UUID id) {
        List<Obstacle> obstacles = new ArrayList<>();
        List<String[]> referring = organisations.namingColumns().stream().map(c -> c.split("\\."))
                .filter(parts -> !CHECKED_APART.contains(parts[0])).toList();
        for (Brought b : brought(id)) {
            Optional<MemberOrganisation> found = organisations.find(b.organisationId());
            if (found.isEmpty()) {
                continue;
            }
            String name = found.get().name();
            long organisation = b.organisationId();
            if (count("select count(*) from membership_event where organisation_id = ? "
                    + "and reason is distinct from 'imported'", organisation) > 0) {
                obstacles.add(new Obstacle(name, "members.undo.history", null));
            }
            for (String other : jdbc.sql("select business_key from case_record where organisation_id = ? and business_key <> ?")
                    .params(organisation, b.yearCase()).query(String.class).list()) {
                obstacles.add(new Obstacle(name, "members.undo.case", other));
            }
            if (count("select count(*) from case_event where business_key = ? and action <> 'year-open'",
                    b.yearCase()) > 0) {
                obstacles.add(new Obstacle(name, "members.undo.year", b.yearCase()));
            }
            if (count("select count(*) from membership_dues where organisation_id = ?", organisation) > 0) {
                obstacles.add(new Obstacle(name, "members.undo.dues", null));
            }
            if (count("select count(*) from invoice where organisation_id = ?", organisation) > 0) {
                obstacles.add(new Obstacle(name, "members.undo.invoice", null));
            }
            if (count("select count(*) from organisation_person where organisation_id = ? and user_id <> ?", organisation,
                    b.contact()) > 0) {
                obstacles.add(new Obstacle(name, "members.undo.people", null));
            }
            for (String[] parts : referring) {
                if (count("select count(*) from \"" + parts[0] + "\" where \"" + parts[1] + "\" = ?", organisation) > 0) {
                    obstacles.add(new Obstacle(name, "members.undo.records", parts[0]));
                }
            }
        }
        return obstacles;
    }

    /**
     * Undoes the import when nothing stands in the way, returning the organisations removed; otherwise removes
     * nothing and returns -1. An import undone before is not undone again (0).
     */
    @Transactional
    public int undo(UUID id, String by) {
        Optional<String> cluster = jdbc.sql("select cluster_id from member_import where id = ? and undone_at is null "
                + "and imported_at is not null for update").param(id).query(String.class).optional();
        if (cluster.isEmpty()) {
            return 0;
        }
        if (!obstacles(id).isEmpty()) {
            return -1;
        }
        List<Brought> brought = brought(id);
        for (Brought b : brought) {
            organisations.find(b.organisationId()).ifPresent(org -> audit.record(
                    AuditTrail.Change.toOrganisation(org, AuditTrail.Area.RECORDS, "audit.importUndone", null)));
            years.endOtherYears(b.organisationId(), "", "import undone");
            cases.delete(b.yearCase());
            jdbc.sql("delete from membership_event where organisation_id = ?").param(b.organisationId()).update();
            jdbc.sql("delete from membership_dues where organisation_id = ?").param(b.organisationId()).update();
            organisations.delete(b.organisationId());
            if (b.contactCreated() && organisations.idsWithPerson(b.contact()).stream()
                    .map(organisations::find).flatMap(Optional::stream)
                    .noneMatch(o -> o.clusterId().equals(cluster.get()))) {
                directory.revoke(b.contact(), cluster.get(), Role.MEMBER);
            }
        }
        jdbc.sql("update member_import set undone_at = ?, undone_by = ? where id = ?")
                .params(Timestamp.from(AppClock.now()), by, id).update();
        return brought.size();
    }

    private List<Brought> brought(UUID id) {
        return jdbc.sql("""
                        select organisation_id, year_case, contact_user, contact_created from member_import_organisation
                        where import_id = ? order by organisation_id""").param(id)
                .query((rs, n) -> new Brought(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
