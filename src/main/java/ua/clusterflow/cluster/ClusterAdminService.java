package ua.clusterflow.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.mail.MailOutbox;

/** The administrator's side of clusters: new clusters, and people with their roles in them. */
@Service
public class ClusterAdminService {

    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,39}";
    private static final String USER_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";
    /** What an invitation link is signed for; the invitation page accepts no other link. */
    public static final String INVITATION_LINK = "invitation";
    private static final Duration INVITATION_VALIDITY = Duration.ofDays(14);

    /** A person to add to a cluster, as typed on the administrator's form. */
    public record NewPerson(String userId, String firstName, String lastName, String email, String language,
                            Set<Role> roles) {
    }

    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final SignedLinks links;
    private final Joinings joinings;

    public ClusterAdminService(ClusterDirectory directory, MailOutbox outbox, SignedLinks links, Joinings joinings) {
        this.joinings = joinings;
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
    }

    /** Field name to message key of what is wrong with a new cluster; empty when it can be created. */
    public FieldErrors checkCluster(String id, String name) {
        FieldErrors errors = new FieldErrors();
        if (id == null || !id.matches(ID_PATTERN)) {
            errors.reject("id", "admin.cluster.id.invalid");
        } else if (directory.exists(id)) {
            errors.reject("id", "admin.cluster.id.taken");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.reject("name", "error.required");
        }
        return errors;
    }

    @Transactional
    public void createCluster(String id, String name) {
        directory.createCluster(id, name.trim());
    }

    public FieldErrors checkPerson(NewPerson person) {
        FieldErrors errors = new FieldErrors();
        boolean exists = person.userId() != null && directory.personExists(person.userId());
        if (person.userId() == null || !person.userId().matches(USER_PATTERN)) {
            errors.reject("userId", "admin.person.id.invalid");
        }
        if (!exists) {
            if (isBlank(person.firstName())) {
                errors.reject("firstName", "error.required");
            }
            if (isBlank(person.lastName())) {
                errors.reject("lastName", "error.required");
            }
            if (person.email() == null || !person.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
                errors.reject("email", "error.email");
            } else if (directory.emailTaken(person.email())) {
                errors.reject("email", "admin.person.email.taken");
            }
        }
        if (person.roles().isEmpty()) {
            errors.reject("roles", "admin.person.roles.required");
        }
        return errors;
    }

    /**
     * Gives a person roles in a cluster; a new person gets an account and a mail with a link to
     * set their password. Returns true when the account was new.
     */
    @Transactional
    public boolean addPerson(String clusterId, NewPerson person) {
        boolean created = !directory.personExists(person.userId());
        if (created) {
            directory.createPerson(person.userId(), person.firstName().trim(), person.lastName().trim(),
                    person.email().trim().toLowerCase(), "en".equals(person.language()) ? "en" : "uk", null);
        }
        for (Role role : person.roles()) {
            directory.grant(person.userId(), clusterId, role);
        }
        if (created) {
            invite(person.userId(), clusterId);
        }
        return created;
    }

    /**
     * Field name to message key of what is wrong with a person to add by their e-mail address, as a coordinator or a
     * member's main contact types them. The same whether the address has an account anywhere or not: the errors tell
     * nobody who else uses the installation.
     */
    public FieldErrors checkContact(String firstName, String lastName, String email) {
        FieldErrors errors = new FieldErrors();
        String address = email == null ? "" : email.trim();
        boolean valid = address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") && address.length() <= 200;
        if (isBlank(firstName) || firstName.length() > 100) {
            errors.reject("firstName", "error.required");
        }
        if (isBlank(lastName) || lastName.length() > 100) {
            errors.reject("lastName", "error.required");
        }
        if (!valid) {
            errors.reject("email", "error.email");
        }
        return errors;
    }

    /**
     * The organisation a person is added for, and their place among its people: the invitation names both. Its id is
     * null while the organisation is being brought in (an import).
     */
    public record ForOrganisation(Long id, String name, OrganisationRole role) {
    }

    /** A person added by their address, and whether they were asked to accept first (an account from elsewhere). */
    public record Added(Person person, boolean asked) {
    }

    /**
     * The person with this e-mail address, or a new account for them with a mail that invites them to set a
     * password; either way they hold the role in the cluster (none when it is null). An account that does not belong
     * to the cluster yet is asked first and holds the role once it accepts.
     */
    @Transactional
    public Added personFor(String clusterId, String firstName, String lastName, String email, String language,
                           Role role) {
        return personFor(clusterId, firstName, lastName, email, language, role, null, null);
    }

    /** As above, for an organisation: the invitation names it and the person's place among its people. */
    @Transactional
    public Added personFor(String clusterId, String firstName, String lastName, String email, String language,
                           Role role, ForOrganisation organisation, String actor) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        Person person = directory.personByEmail(address).orElse(null);
        if (person == null) {
            person = new Person(directory.freeUserId(address), firstName.trim(), lastName.trim(), address,
                    "en".equals(language) ? "en" : "uk");
            directory.createPerson(person.id(), person.firstName(), person.lastName(), address, person.language(),
                    null);
            if (role != null) {
                directory.grantNewcomer(person.id(), clusterId, role);
            }
            invite(person, directory.clusterName(clusterId), organisation);
            return new Added(person, false);
        }
        if (!directory.rolesOf(person.id()).containsKey(clusterId)) {
            joinings.ask(person, clusterId, role, organisation == null ? null : organisation.id(),
                    organisation == null ? null : organisation.role(), actor);
            return new Added(person, true);
        }
        if (role != null) {
            directory.grant(person.id(), clusterId, role);
        }
        return new Added(person, false);
    }

    /** The mail with a link to set the password, valid for two weeks. */
    public void invite(String userId, String clusterId) {
        directory.person(userId).ifPresent(p -> invite(p, directory.clusterName(clusterId), null));
    }

    private void invite(Person person, String clusterName, ForOrganisation organisation) {
        Map<String, Object> model = new HashMap<>(Map.of("clusterName", clusterName, "userId", person.id(),
                "invitationLink", invitationLink(person.id()), "subjectArg", clusterName));
        if (organisation != null) {
            model.put("organisationName", organisation.name());
            model.put("organisationRole", organisation.role().name());
        }
        outbox.queue(person, "person-invitation", model, null);
    }

    /** The signed link with which a person sets the password of a new account, valid for two weeks. */
    public String invitationLink(String userId) {
        return outbox.link("/invitation/" + links.sign(INVITATION_LINK, userId, INVITATION_VALIDITY));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
