package ua.clusterflow.membership;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterAdminService;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.cluster.Person;

/** A member's people: who speaks for it, added by its main contact or a coordinator, and removed again. */
@Service
public class MemberPeople {

    private final MemberOrganisationRepository organisations;
    private final Memberships memberships;
    private final ClusterDirectory directory;
    private final ClusterAdminService admin;

    public MemberPeople(MemberOrganisationRepository organisations, Memberships memberships,
                        ClusterDirectory directory, ClusterAdminService admin) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.directory = directory;
        this.admin = admin;
    }

    /**
     * A person joins an organisation's people with a role there: a new address gets an account and the invitation to
     * set a password; they hold the member's rights while the organisation is an active member. Someone with an
     * account outside the cluster is asked first and joins when they accept.
     */
    @Transactional
    public Person addPerson(long organisationId, String firstName, String lastName, String email, String language,
                            OrganisationRole role, String actor) {
        MemberOrganisation org = organisation(organisationId);
        ClusterAdminService.Added added = admin.personFor(org.clusterId(), firstName, lastName, email, language,
                org.status().active() ? Role.MEMBER : null,
                new ClusterAdminService.ForOrganisation(organisationId, org.name(), role), actor);
        Person person = added.person();
        if (added.asked()) {
            return person;
        }
        organisations.addPerson(organisationId, person.id(), role);
        memberships.addEvent(organisationId, org.status(), AppClock.today(), "person-added:" + person.displayName(),
                actor == null ? null : directory.displayName(actor));
        return person;
    }

    /**
     * A person leaves an organisation's people and, unless they speak for another active member of the cluster, the
     * member's rights. The main contact stays until another is named.
     */
    @Transactional
    public boolean removePerson(long organisationId, String userId, String actor) {
        MemberOrganisation org = organisation(organisationId);
        boolean isMain = userId.equals(org.contactUser());
        boolean among = organisations.people(organisationId).stream().anyMatch(p -> p.userId().equals(userId));
        if (isMain || !among) {
            return false;
        }
        organisations.removePerson(organisationId, userId);
        if (!organisations.speaksForAnotherActive(userId, org.clusterId(), organisationId)) {
            directory.revoke(userId, org.clusterId(), Role.MEMBER);
        }
        memberships.addEvent(organisationId, org.status(), AppClock.today(),
                "person-removed:" + directory.displayName(userId), actor == null ? null : directory.displayName(actor));
        return true;
    }

    private MemberOrganisation organisation(long organisationId) {
        return organisations.find(organisationId).orElseThrow();
    }
}
