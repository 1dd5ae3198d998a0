package ua.clusterflow.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.mail.MailOutbox;

/**
 * The member directory and matchmaking: organisations across a person's clusters, searchable,
 * and for each need the organisations whose offers match it, ranked by PostgreSQL full-text search.
 * Ukrainian words change their endings, so each searched word is matched by its stem as a prefix
 * ({@code автоматизація} finds {@code автоматизації} and {@code автоматизацію}).
 */
@Service
public class MemberDirectory {

    public record Match(MemberOrganisation organisation, double rank) {
    }

    public record Filter(String query, String category, String sector, String region, String clusterId) {
    }

    private static final int MIN_STEM = 4;

    private final JdbcClient jdbc;
    private final MemberOrganisationRepository organisations;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;

    public MemberDirectory(JdbcClient jdbc, MemberOrganisationRepository organisations, ClusterDirectory directory,
                           MailOutbox outbox) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.directory = directory;
        this.outbox = outbox;
    }

    public List<MemberOrganisation> search(Collection<String> clusterIds, Filter filter) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        String query = tsQuery(filter.query(), " & ");
        return jdbc.sql("""
                select * from member_organisation
                where cluster_id in (:clusters) and status in ('CURRENT', 'IN_GRACE')
                  and (:cluster = '' or cluster_id = :cluster)
                  and (:category = '' or category = :category)
                  and (:sector = '' or (',' || sectors || ',') like '%,' || :sector || ',%')
                  and (:region = '' or lower(region) like lower(:region) || '%')
                  and (:query = '' or to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(offers, '') || ' '
                       || coalesce(needs, '')) @@ to_tsquery('simple', :query))
                order by name limit 300""")
                .param("clusters", clusterIds).param("cluster", nz(filter.clusterId()))
                .param("category", nz(filter.category())).param("sector", nz(filter.sector()))
                .param("region", nz(filter.region())).param("query", query)
                .query(MemberOrganisationRepository::toOrganisation).list();
    }

    /** The organisations whose offers answer this organisation's needs, best first. */
    public List<Match> matches(MemberOrganisation seeker, Collection<String> clusterIds) {
        String query = tsQuery(seeker.needs(), " | ");
        if (query.isEmpty() || clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select o.*, ts_rank(to_tsvector('simple', coalesce(o.name, '') || ' ' || coalesce(o.offers, '')), q) as rank
                from member_organisation o, to_tsquery('simple', :query) q
                where o.cluster_id in (:clusters) and o.id <> :seeker and o.status in ('CURRENT', 'IN_GRACE')
                  and to_tsvector('simple', coalesce(o.name, '') || ' ' || coalesce(o.offers, '')) @@ q
                order by rank desc, o.name limit 10""")
                .param("query", query).param("clusters", clusterIds).param("seeker", seeker.id())
                .query((rs, n) -> new Match(MemberOrganisationRepository.toOrganisation(rs, n), rs.getDouble("rank")))
                .list();
    }

    /** Introduces a member with a need to one whose offer matches: both contacts are mailed, and it is counted. */
    @Transactional
    /** Introduces the two; the organisations mailed, which are those with a contact person. */
    public List<String> introduce(String coordinator, MemberOrganisation need, MemberOrganisation offer) {
        jdbc.sql("insert into introduction (cluster_id, need_org_id, offer_org_id, introduced_by, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(need.clusterId(), need.id(), offer.id(), coordinator, Timestamp.from(AppClock.now())).update();
        List<String> mailed = new ArrayList<>();
        if (mailContact(need, offer, coordinator)) {
            mailed.add(need.name());
        }
        if (mailContact(offer, need, coordinator)) {
            mailed.add(offer.name());
        }
        return mailed;
    }

    /** An introduction made between a member with a need and one with the offer for it. */
    public record Introduction(long id, String clusterId, String needName, String offerName, Instant at) {

        public String title() {
            return needName + " ↔ " + offerName;
        }
    }

    public Optional<Introduction> introduction(long id) {
        return jdbc.sql(INTRODUCTIONS + " where i.id = ?").param(id).query(MemberDirectory::toIntroduction).optional();
    }

    /** The introductions a member took part in, newest first. */
    public List<Introduction> introductionsOf(long organisationId) {
        return jdbc.sql(INTRODUCTIONS + " where i.need_org_id = ? or i.offer_org_id = ? order by i.created_at desc limit 50")
                .params(organisationId, organisationId).query(MemberDirectory::toIntroduction).list();
    }

    private static final String INTRODUCTIONS = """
            select i.id, i.cluster_id, n.name as need_name, o.name as offer_name, i.created_at from introduction i
            join member_organisation n on n.id = i.need_org_id join member_organisation o on o.id = i.offer_org_id""";

    private static Introduction toIntroduction(ResultSet rs, int n) throws SQLException {
        return new Introduction(rs.getLong("id"), rs.getString("cluster_id"), rs.getString("need_name"),
                rs.getString("offer_name"), rs.getTimestamp("created_at").toInstant());
    }

    public int introductions(String clusterId) {
        return jdbc.sql("select count(*) from introduction where cluster_id = ?").param(clusterId)
                .query(Integer.class).single();
    }

    public Optional<MemberOrganisation> organisation(long id) {
        return organisations.find(id);
    }

    private boolean mailContact(MemberOrganisation to, MemberOrganisation other, String coordinator) {
        Optional<Person> contact = to.contactUser() == null ? Optional.empty() : directory.person(to.contactUser());
        contact.ifPresent(person -> outbox.queue(person, "introduction", Map.of(
                "other", other.name(), "offers", other.offers() == null ? "" : other.offers(),
                "needs", other.needs() == null ? "" : other.needs(),
                "contact", other.contactUser() == null ? "" : directory.person(other.contactUser())
                        .map(p -> p.displayName() + " <" + p.email() + ">").orElse(""),
                "coordinator", directory.displayName(coordinator), "subjectArg", other.name()), null));
        return contact.isPresent();
    }

    /** A full-text query from free text: each word by its stem, as a prefix, joined by the given operator. */
    static String tsQuery(String text, String operator) {
        if (text == null) {
            return "";
        }
        Set<String> stems = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && stems.size() < 30) {
                stems.add(stem(word) + ":*");
            }
        }
        return String.join(operator, new ArrayList<>(stems));
    }

    /** A word without its ending: the longer the word, the more of its end goes, never below four letters. */
    static String stem(String word) {
        int length = word.length();
        int cut = length >= 10 ? 4 : length >= 8 ? 3 : length >= 6 ? 2 : length >= 5 ? 1 : 0;
        return word.substring(0, Math.max(Math.min(MIN_STEM, length), length - cut));
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
