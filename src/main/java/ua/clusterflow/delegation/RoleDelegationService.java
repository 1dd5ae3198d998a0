package ua.clusterflow.delegation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;

/** Board roles with an owner and a term: proposals, appointments with their rights, renewals, hand-overs, revocations. */
@Service
public class RoleDelegationService {

    /** A proposal as typed on the form. */
    public record Proposal(String clusterId, String roleCode, String nominee, String responsibilities,
                           String expectedResults, Integer hoursPerMonth, LocalDate termStart, LocalDate termEnd) {
    }

    public static final int RENEWAL_NOTICE_DAYS = 30;

    private final RoleRegistry registry;
    private final ClusterDirectory directory;
    private final CaseRepository cases;
    private final MailOutbox outbox;
    private final DelegationCases engine;

    public RoleDelegationService(RoleRegistry registry, ClusterDirectory directory, CaseRepository cases,
                                 MailOutbox outbox, DelegationCases engine) {
        this.registry = registry;
        this.directory = directory;
        this.cases = cases;
        this.outbox = outbox;
        this.engine = engine;
    }

    public boolean mayPropose(CurrentUser user, String clusterId) {
        return user.has(clusterId, Role.CHAIR) || user.has(clusterId, Role.COORDINATOR);
    }

    /** Field to message key of what is wrong with a proposal; empty when it can go to the nominee. */
    public FieldErrors check(Proposal p) {
        FieldErrors errors = new FieldErrors();
        if (registry.role(p.clusterId(), p.roleCode()).isEmpty()) {
            errors.reject("roleCode", "error.option");
        }
        if (p.nominee() == null || directory.peopleOfCluster(p.clusterId()).stream()
                .noneMatch(person -> person.id().equals(p.nominee()))) {
            errors.reject("nominee", "role.error.nominee");
        }
        if (blank(p.responsibilities())) {
            errors.reject("responsibilities", "error.required");
        }
        if (blank(p.expectedResults())) {
            errors.reject("expectedResults", "error.required");
        }
        if (p.hoursPerMonth() == null || p.hoursPerMonth() < 1 || p.hoursPerMonth() > 200) {
            errors.reject("hoursPerMonth", "role.error.hours");
        }
        if (p.termStart() == null) {
            errors.reject("termStart", "error.date");
        }
        if (p.termEnd() == null) {
            errors.reject("termEnd", "error.date");
        } else if (p.termStart() != null && !p.termEnd().isAfter(p.termStart())) {
            errors.reject("termEnd", "role.error.termEnd");
        } else if (!p.termEnd().isAfter(AppClock.today())) {
            errors.reject("termEnd", "role.error.termEnd");
        }
        return errors;
    }

    /** Records the proposal and starts its case: the nominee is asked first. */
    @Transactional
    public RoleTerm propose(String proposer, Proposal p) {
        RoleTerm term = registry.insertProposal(p.clusterId(), p.roleCode(), p.nominee(), proposer,
                p.responsibilities().trim(), p.expectedResults().trim(), p.hoursPerMonth(), p.termStart(), p.termEnd());
        String title = roleName(term) + ": " + directory.displayName(p.nominee());
        cases.insert(new CaseRecord(term.businessKey(), p.clusterId(), DelegationCases.PROCESS_KEY, title, RoleStatus.PROPOSED.name(), null,
                proposer, null, null));
        cases.addEvent(term.businessKey(), directory.displayName(proposer), "role-proposed", title);
        engine.start(term, proposer, title);
        return term;
    }

    @Transactional
    public void remindNominee(long termId) {
        RoleTerm term = registry.get(termId);
        notify(term.holder(), term, "nomination-reminder", null);
    }

    @Transactional
    public void changeNominee(long termId, String nominee) {
        RoleTerm term = registry.get(termId);
        registry.setHolder(termId, nominee);
        cases.addEvent(term.businessKey(), directory.displayName(term.proposer()), "role-renominated",
                directory.displayName(nominee));
    }

    @Transactional
    public void withdraw(long termId) {
        setStatus(registry.get(termId), RoleStatus.WITHDRAWN.name(), "role-withdrawn", true);
    }

    @Transactional
    public void notApproved(long termId, String reason) {
        RoleTerm term = setStatus(registry.get(termId), RoleStatus.NOT_APPROVED.name(), "role-not-approved", true);
        notify(term.holder(), term, "not-approved", reason);
        notify(term.proposer(), term, "not-approved", reason);
    }

    /** The nominee holds the role: in the registry, with the rights it brings, and everyone concerned is told. */
    @Transactional
    public void appoint(long termId) {
        RoleTerm term = setStatus(registry.get(termId), RoleStatus.ACTIVE.name(), "role-appointed", false);
        rights(term).ifPresent(rights -> directory.joinRightsGroup(term.holder(), term.clusterId(), rights));
        notify(term.holder(), term, "appointed", null);
    }

    @Transactional
    public RoleTerm renew(long termId, LocalDate newEnd) {
        RoleTerm before = registry.get(termId);
        LocalDate end = newEnd != null && newEnd.isAfter(before.termEnd()) ? newEnd
                : before.termEnd().plusDays(ChronoUnit.DAYS.between(before.termStart(), before.termEnd()));
        registry.renew(termId, end);
        RoleTerm term = registry.get(termId);
        cases.addEvent(term.businessKey(), null, "role-renewed", term.termNumber() + ": " + Detail.date(term.termEnd()));
        notify(term.holder(), term, "renewed", null);
        return term;
    }

    /** Hand-over: a new proposal for the same role, the successor as nominee, starting when this term ends. */
    @Transactional
    public void startHandOver(long termId, String successor) {
        RoleTerm term = registry.get(termId);
        long days = ChronoUnit.DAYS.between(term.termStart(), term.termEnd());
        String proposer = directory.peopleWithRole(term.clusterId(), Role.CHAIR).stream().map(Person::id).findFirst()
                .orElse(term.proposer());
        RoleTerm next = propose(proposer, new Proposal(term.clusterId(), term.roleCode(), successor,
                term.responsibilities(), term.expectedResults(), term.hoursPerMonth(), term.termEnd().plusDays(1),
                term.termEnd().plusDays(1 + days)));
        cases.addEvent(term.businessKey(), null, "role-handover", next.businessKey());
    }

    @Transactional
    public void endTerm(long termId) {
        RoleTerm term = setStatus(registry.get(termId), RoleStatus.ENDED.name(), "role-ended", true);
        rights(term).ifPresent(rights -> directory.leaveRightsGroup(term.holder(), term.clusterId(), rights));
        notify(term.holder(), term, "ended", null);
    }

    /** Asks the board to revoke an active role; the vote decides. */
    @Transactional
    public void requestRevocation(CurrentUser user, String businessKey) {
        RoleTerm term = registry.byBusinessKey(businessKey).filter(RoleTerm::active)
                .filter(t -> mayPropose(user, t.clusterId()))
                .orElseThrow(() -> new IllegalArgumentException("No active role " + businessKey + " to revoke"));
        cases.addEvent(term.businessKey(), user.name(), "role-revocation-requested", null);
        engine.revocationRequested(term.businessKey());
    }

    @Transactional
    public void revoke(long termId, String reason) {
        RoleTerm term = setStatus(registry.get(termId), RoleStatus.REVOKED.name(), "role-revoked", true);
        rights(term).ifPresent(rights -> directory.leaveRightsGroup(term.holder(), term.clusterId(), rights));
        notify(term.holder(), term, "revoked", reason);
    }

    @Transactional
    public void keep(long termId) {
        RoleTerm term = registry.get(termId);
        cases.addEvent(term.businessKey(), null, "role-kept", null);
        notify(term.holder(), term, "kept", null);
    }

    public String roleName(RoleTerm term) {
        return registry.role(term.clusterId(), term.roleCode()).map(BoardRole::nameUk).orElse(term.roleCode());
    }

    private Optional<String> rights(RoleTerm term) {
        return registry.role(term.clusterId(), term.roleCode()).map(BoardRole::rights).filter(r -> r != null && !r.isBlank());
    }

    private RoleTerm setStatus(RoleTerm term, String status, String action, boolean close) {
        registry.setStatus(term.id(), status);
        cases.updateStatus(term.businessKey(), "ROLE_" + status, close);
        cases.addEvent(term.businessKey(), null, action, null);
        return registry.get(term.id());
    }

    private void notify(String userId, RoleTerm term, String kind, String quote) {
        directory.person(userId).ifPresent(person -> outbox.queue(person, "role-notice", Map.of(
                "kind", kind, "role", roleName(term), "clusterName", directory.clusterName(term.clusterId()),
                "until", term.termEnd().toString(), "quote", quote == null ? "" : quote,
                "link", outbox.link("/cases/" + term.businessKey()),
                "subjectKey", "mail.role." + kind + ".subject", "subjectArg", roleName(term)), term.businessKey()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
