package ua.clusterflow.cluster;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;

/**
 * Every change to people, roles, statuses, records and payments, as one trail a cluster's coordinators and board and
 * the administrators read and search by person and date. Each change is written in the transaction that makes it, by
 * the code that makes it; nothing here is updated or deleted, so an import undone or a case thrown away leaves its
 * lines. Who made a change is the signed-in person whose request made it, or nobody (a timer, a process's own step).
 */
@Repository
public class AuditTrail {

    /** What a change is to. */
    public enum Area { PEOPLE, ROLES, STATUSES, RECORDS, PAYMENTS }

    /**
     * A change: to which cluster (null for the installation's own), in which area, what (a message key) with its
     * detail (words or the marks of {@link ua.clusterflow.base.Detail}), and who or what it is about.
     */
    public record Change(String clusterId, Area area, String what, String detail, String person, Long organisationId,
                         String businessKey, String subject) {

        public static Change toCluster(String clusterId, Area area, String what, String detail) {
            return new Change(clusterId, area, what, detail, null, null, null, null);
        }

        public static Change toPerson(String clusterId, Area area, String what, String detail, String userId,
                                      String name) {
            return new Change(clusterId, area, what, detail, userId, null, null, name);
        }

        public static Change toOrganisation(MemberOrganisation org, Area area, String what, String detail) {
            return new Change(org.clusterId(), area, what, detail, null, org.id(), null, org.name());
        }

        /**
         * A line of an organisation's membership history as stored there ("dues-unpaid", "person-added:Name", or
         * words someone typed): a change to its record when its details or people changed, else to its status.
         */
        public static Change toOrganisation(MemberOrganisation org, String reason) {
            if (reason == null || !reason.matches("(?s)[a-z-]+(:.*)?")) {
                return toOrganisation(org, Area.STATUSES, "audit.historyNote", reason);
            }
            int colon = reason.indexOf(':');
            String key = colon < 0 ? reason : reason.substring(0, colon);
            return toOrganisation(org, RECORD_CHANGES.contains(key) ? Area.RECORDS : Area.STATUSES,
                    "membership.reason." + key, colon < 0 ? null : reason.substring(colon + 1));
        }

        public static Change toCase(String clusterId, String businessKey, Long organisationId, String title, Area area,
                                    String what, String detail) {
            return new Change(clusterId, area, what, detail, null, organisationId, businessKey, title);
        }
    }

    /** A line of the trail: who made it as the history names them, and their login where one was signed in. */
    public record Entry(long id, String clusterId, Instant at, String actor, String actorId, Area area, String what, String detail,
                        String person, Long organisationId, String businessKey, String subject) {
    }

    /**
     * What to look for: in these clusters (and the installation's own lines when {@code installation}), by or about
     * these people or with these words in what it is about, between two days (each may be open), in one area or all.
     */
    public record Search(Collection<String> clusterIds, boolean installation, Collection<String> people, String words,
                         LocalDate from, LocalDate to, Area area) {
    }

    /** The history lines of an organisation that change its record rather than its membership's status. */
    private static final Set<String> RECORD_CHANGES = Set.of("details-changed", "person-added", "person-removed",
            "merged");

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a change made by the signed-in person, or by nobody when no one is signed in. */
    public void record(Change change) {
        record(change, null);
    }

    /**
     * Writes a change as its history names who made it (a name; null or the login for the signed-in person, whose name
     * is written then), with the login of whoever is signed in.
     */
    public void record(Change change, String actor) {
        CurrentUser user = signedIn();
        jdbc.sql("""
                insert into audit_entry (cluster_id, at, actor, actor_id, area, what, detail, person, organisation_id,
                                         business_key, subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(change.clusterId(), Timestamp.from(AppClock.now()),
                        user != null && (actor == null || actor.equals(user.id())) ? user.name() : actor,
                        user == null ? null : user.id(),
                        change.area().name(), change.what(),
                        change.detail(), change.person(), change.organisationId(), change.businessKey(),
                        abbreviate(change.subject()))
                .update();
    }

    /** One page of what the search finds, the newest first. */
    public List<Entry> search(Search search, int limit, int offset) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (search.clusterIds().isEmpty()) {
            where.add(search.installation() ? "cluster_id is null" : "false");
        } else {
            where.add("(cluster_id = any(?)" + (search.installation() ? " or cluster_id is null)" : ")"));
            params.add(search.clusterIds().toArray(String[]::new));
        }
        boolean byPeople = !search.people().isEmpty();
        boolean byWords = search.words() != null && !search.words().isBlank();
        if (byPeople || byWords) {
            List<String> any = new ArrayList<>();
            if (byPeople) {
                any.add("actor_id = any(?) or person = any(?)");
                params.add(search.people().toArray(String[]::new));
                params.add(search.people().toArray(String[]::new));
            }
            if (byWords) {
                // as one text, the expression of the trigram index (V31)
                any.add("(coalesce(subject, '') || ' ' || coalesce(actor, '') || ' ' || coalesce(detail, '')) ~ ?");
                params.add(caseless(search.words().strip()));
            }
            where.add("(" + String.join(" or ", any) + ")");
        }
        if (search.from() != null) {
            where.add("at >= ?");
            params.add(Timestamp.from(search.from().atStartOfDay(AppClock.KYIV).toInstant()));
        }
        if (search.to() != null) {
            where.add("at < ?");
            params.add(Timestamp.from(search.to().plusDays(1).atStartOfDay(AppClock.KYIV).toInstant()));
        }
        if (search.area() != null) {
            where.add("area = ?");
            params.add(search.area().name());
        }
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select * from audit_entry where " + String.join(" and ", where)
                        + " order by at desc, id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("cluster_id"),
                        rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("actor_id"), Area.valueOf(rs.getString("area")),
                        rs.getString("what"), rs.getString("detail"), rs.getString("person"),
                        rs.getObject("organisation_id", Long.class), rs.getString("business_key"),
                        rs.getString("subject")))
                .list();
    }

    /**
     * The words as a regular expression that finds them in any case: each letter as a class of its two cases, since
     * a database created with the C locale folds the case of Latin letters alone (ILIKE misses "Олена" for "олена").
     */
    static String caseless(String words) {
        StringBuilder pattern = new StringBuilder();
        words.codePoints().forEach(c -> {
            int lower = Character.toLowerCase(c);
            int upper = Character.toUpperCase(c);
            if (lower != upper) {
                pattern.append('[').appendCodePoint(lower).appendCodePoint(upper).append(']');
            } else if (Character.isLetterOrDigit(c) || Character.isWhitespace(c)) {
                pattern.appendCodePoint(c);
            } else {
                pattern.append('\\').appendCodePoint(c);
            }
        });
        return pattern.toString();
    }

    private static CurrentUser signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    private static String abbreviate(String subject) {
        return subject == null || subject.length() <= 400 ? subject : subject.substring(0, 399) + "…";
    }
}
