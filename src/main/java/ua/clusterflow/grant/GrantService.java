package ua.clusterflow.grant;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.DocumentQuota;
import ua.clusterflow.tasklist.FormSubmission;

/** The rules and records of grant applications; the process model decides the order of the steps. */
@Service
public class GrantService {

    public enum SaveResult { SAVED, SUBMITTED, STALE, OVER_QUOTA }

    public record Suggestion(String name, String clusterId, String offers) {
    }

    private final GrantRepository grants;
    private final MemberOrganisationRepository organisations;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final GrantCases engine;
    private final SupportLetter letters;
    private final JdbcClient jdbc;
    private final DocumentQuota quota;

    public GrantService(GrantRepository grants, MemberOrganisationRepository organisations, CaseRepository cases,
                        ClusterDirectory directory, MailOutbox outbox, GrantCases engine,
                        SupportLetter letters, JdbcClient jdbc, DocumentQuota quota) {
        this.grants = grants;
        this.quota = quota;
        this.organisations = organisations;
        this.cases = cases;
        this.directory = directory;
        this.outbox = outbox;
        this.engine = engine;
        this.letters = letters;
        this.jdbc = jdbc;
    }

    /** A new draft for the member's organisation, with its case for documents and history. */
    @Transactional
    public GrantApplication createDraft(String userId, long organisationId) {
        grants.lockDrafts(organisationId);
        Optional<GrantApplication> untouched = grants.untouchedDraft(organisationId, userId)
                .flatMap(grants::findByReference);
        if (untouched.isPresent()) {
            return untouched.get();
        }
        String clusterId = organisations.clusterOf(organisationId);
        GrantApplication draft = grants.insertDraft(clusterId, organisationId, userId);
        cases.insert(new CaseRecord(draft.reference(), clusterId, GrantCases.PROCESS_KEY, draft.reference(),
                GrantStatus.DRAFT.name(), organisationId, userId, null, null));
        cases.addEvent(draft.reference(), directory.displayName(userId), "grant-draft", null);
        return draft;
    }

    /** Throws away a draft never submitted, with its case; false when it was submitted meanwhile. */
    @Transactional
    public boolean deleteDraft(String reference) {
        GrantApplication draft = grants.findByReference(reference).orElseThrow();
        if (draft.status() != GrantStatus.DRAFT || !grants.deleteDraft(draft.id())) {
            return false;
        }
        cases.delete(reference);
        return true;
    }

    /**
     * Saves what the member typed, with any attachments; with {@code submit}, hands the
     * application to the coordinator (or back, after changes were asked for). A form read
     * before the application changed is refused as stale, and attachments that would take the organisation over its
     * document quota are refused; in both cases nothing is written.
     */
    @Transactional
    public SaveResult save(String userId, String reference, GrantForm form, List<FormSubmission.Upload> uploads,
                           boolean submit) {
        GrantApplication before = grants.findByReference(reference).orElseThrow();
        if (quota.problem(reference, uploads) != null) {
            return SaveResult.OVER_QUOTA;
        }
        if (!grants.update(before.id(), form.getVersion(), form)) {
            return SaveResult.STALE;
        }
        String actor = directory.displayName(userId);
        for (FormSubmission.Upload upload : uploads) {
            cases.addDocument(reference, upload.fileName(), upload.contentType(), upload.content(), actor);
        }
        GrantApplication saved = grants.get(before.id());
        jdbc.sql("update case_record set title = ? where business_key = ?")
                .params(saved.title() == null ? reference : saved.title(), reference).update();
        if (!submit) {
            return SaveResult.SAVED;
        }
        if (before.status() == GrantStatus.DRAFT) {
            setStatus(saved, GrantStatus.SCREENING, "grant-submitted", saved.title());
            engine.start(saved);
        } else {
            setStatus(saved, GrantStatus.SCREENING, "grant-resubmitted", null);
            engine.resubmitted(saved);
        }
        return SaveResult.SUBMITTED;
    }

    /** The screening table's concerns about an application (codes; none means no concern). */
    public List<String> advice(GrantApplication a) {
        if (a.programme() == null || a.callDeadline() == null || a.requestedBudget() == null) {
            return List.of();
        }
        long days = ChronoUnit.DAYS.between(AppClock.today(), a.callDeadline());
        return engine.screening(a.programme(), days, a.requestedBudget(), (int) a.euPartners(),
                euPartnersRequired(a.programme()));
    }

    public int euPartnersRequired(String programme) {
        return engine.euPartnersRequired(programme);
    }

    @Transactional
    public boolean partnersNeeded(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        boolean needed = a.euPartners() < euPartnersRequired(a.programme());
        setStatus(a, needed ? GrantStatus.PARTNER_SEARCH : GrantStatus.UNDER_REVIEW, needed ? "grant-partner-search"
                : "grant-accepted", null);
        return needed;
    }

    /** Member organisations of the person's clusters whose offers match the application's words, best first. */
    public List<Suggestion> suggestPartners(GrantApplication a, List<String> clusterIds) {
        String words = String.join(" ", a.title() == null ? "" : a.title(), a.summary() == null ? "" : a.summary());
        List<String> terms = new ArrayList<>();
        for (String word : words.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 3 && !terms.contains(word) && terms.size() < 40) {
                terms.add(word);
            }
        }
        if (terms.isEmpty() || clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select name, cluster_id, offers,
                       ts_rank(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(offers, '')), q) as rank
                from member_organisation, to_tsquery('simple', :query) q
                where cluster_id in (:clusters) and id <> :own and status in ('CURRENT', 'IN_GRACE')
                  and to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(offers, '')) @@ q
                order by rank desc, name limit 5""")
                .param("query", String.join(" | ", terms.stream().map(t -> t + ":*").toList()))
                .param("clusters", clusterIds).param("own", a.organisationId())
                .query((rs, n) -> new Suggestion(rs.getString("name"), rs.getString("cluster_id"), rs.getString("offers")))
                .list();
    }

    @Transactional
    public void recordFoundPartner(long applicationId, String name, String country, String role) {
        if (name == null || name.isBlank() || !Countries.known(country)) {
            return;
        }
        GrantApplication a = grants.get(applicationId);
        grants.addPartner(applicationId, a.partners().size(), name.trim(), country, role == null ? "" : role.trim(),
                true);
        cases.addEvent(a.reference(), null, "grant-partner-found", name + " (" + country + ")");
    }

    @Transactional
    public void requestChanges(long applicationId, String comment) {
        GrantApplication a = grants.get(applicationId);
        grants.updateScreeningComment(a.id(), comment);
        setStatus(a, GrantStatus.CHANGES_REQUESTED, "grant-changes-requested", comment);
        applicantMail(a, "changes", comment);
    }

    @Transactional
    public void remindRevision(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        applicantMail(a, "revision-reminder", a.screeningComment());
        cases.addEvent(a.reference(), null, "reminder", "revision");
    }

    @Transactional
    public void decline(long applicationId, String reason) {
        GrantApplication a = grants.get(applicationId);
        grants.updateScreeningComment(a.id(), reason);
        setStatus(a, GrantStatus.DECLINED, "grant-declined", reason);
        applicantMail(a, "declined", reason);
    }

    @Transactional
    public void returnWithReviews(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        String reviews = new ReviewSummary(grants.reviews(a.id(), grants.currentRound(a.id()))).describe();
        grants.updateScreeningComment(a.id(), reviews);
        setStatus(a, GrantStatus.CHANGES_REQUESTED, "grant-returned", null);
        applicantMail(a, "reviews-below-threshold", reviews);
    }

    @Transactional
    public void boardVoteStarted(long applicationId) {
        setStatus(grants.get(applicationId), GrantStatus.BOARD_VOTE, "board-vote", null);
    }

    @Transactional
    public void notSupported(long applicationId, String reason) {
        GrantApplication a = grants.get(applicationId);
        setStatus(a, GrantStatus.NOT_SUPPORTED, "grant-not-supported", reason);
        applicantMail(a, "not-supported", reason);
    }

    /** The board supports the application: the letter of support is made, attached and sent. */
    @Transactional
    public void issueLetter(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        String organisation = organisations.name(a.organisationId());
        List<Person> chairs = directory.peopleWithRole(a.clusterId(), Role.CHAIR);
        byte[] pdf = letters.render(a, organisation, directory.clusterName(a.clusterId()),
                chairs.isEmpty() ? "" : chairs.get(0).displayName());
        cases.addDocument(a.reference(), "letter-of-support-" + a.reference() + ".pdf", "application/pdf", pdf,
                directory.clusterName(a.clusterId()));
        setStatus(a, GrantStatus.AWAITING_SUBMISSION, "grant-letter", null);
        applicantMail(a, "letter", null);
    }

    @Transactional
    public void remindSubmission(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        applicantMail(a, "submission-reminder", null);
        cases.addEvent(a.reference(), null, "reminder", "submission");
    }

    @Transactional
    public void closeMissed(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        setStatus(a, GrantStatus.MISSED, "grant-missed", String.valueOf(a.callDeadline()));
        applicantMail(a, "missed", null);
        for (Person coordinator : directory.peopleWithRole(a.clusterId(), Role.COORDINATOR)) {
            outbox.queue(coordinator, "grant-notice", notice(a, "missed", null, coordinator.displayName()),
                    a.reference());
        }
    }

    @Transactional
    public void confirmSubmission(long applicationId, String submissionReference) {
        GrantApplication a = grants.get(applicationId);
        grants.updateSubmission(a.id(), submissionReference);
        setStatus(a, GrantStatus.FUNDER_SUBMITTED, "grant-submitted-to-funder", submissionReference);
    }

    @Transactional
    public void remindOutcome(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        applicantMail(a, "outcome-reminder", null);
        cases.addEvent(a.reference(), null, "reminder", "outcome");
    }

    @Transactional
    public void recordOutcome(long applicationId, String outcome, BigDecimal amount) {
        GrantApplication a = grants.get(applicationId);
        grants.updateOutcome(a.id(), outcome, "funded".equals(outcome) ? amount : null);
        GrantStatus status = switch (outcome) {
            case "funded" -> GrantStatus.FUNDED;
            case "reserve" -> GrantStatus.RESERVE;
            default -> GrantStatus.REJECTED;
        };
        setStatus(a, status, "grant-outcome", Detail.text("grant.outcome." + outcome)
                + (amount == null ? "" : ": " + Detail.money(amount, "EUR")));
        for (Person coordinator : directory.peopleWithRole(a.clusterId(), Role.COORDINATOR)) {
            outbox.queue(coordinator, "grant-notice", notice(a, "outcome", outcome, coordinator.displayName()),
                    a.reference());
        }
    }

    /** Sets an application's status, its case's, and notes it in the history. */
    void setStatus(GrantApplication a, GrantStatus status, String action, String detail) {
        grants.updateStatus(a.id(), status);
        cases.updateStatus(a.reference(), status.name(), status.closed());
        cases.addEvent(a.reference(), null, action, detail);
    }

    private void applicantMail(GrantApplication a, String kind, String quote) {
        directory.person(a.createdBy()).ifPresent(person -> outbox.queue(person, "grant-notice",
                notice(grants.get(a.id()), kind, quote, person.displayName()), a.reference()));
    }

    private Map<String, Object> notice(GrantApplication a, String kind, String quote, String name) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", name);
        model.put("kind", kind);
        model.put("reference", a.reference());
        model.put("title", a.title() == null ? a.reference() : a.title());
        // a day, formatted as the recipient reads dates when the mail is written
        model.put("deadline", a.callDeadline());
        model.put("quote", quote == null ? "" : quote);
        model.put("link", outbox.link("/cases/" + a.reference()));
        model.put("subjectKey", "mail.grant." + kind + ".subject");
        model.put("subjectArg", a.reference());
        return model;
    }
}
