package ua.clusterflow.cluster;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.Role;

/**
 * A cluster's own people, run by its coordinators without the administrator: staff and board members invited, their
 * roles changed, and someone who left taken out with their open tasks handed to a colleague in one action.
 */
@Service
public class StaffService {

    /** The roles a coordinator gives and takes within the cluster; a member's role follows its organisation. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.COORDINATOR, Role.BOARD, Role.CHAIR);

    /** A person of the cluster's staff, their roles there and how many of its tasks they hold. */
    public record StaffMember(Person person, Set<Role> roles, long openTasks) {
    }

    private final ClusterDirectory directory;
    private final ClusterAdminService admin;
    private final StaffTasks tasks;
    private final ApplicationEventPublisher events;

    public StaffService(ClusterDirectory directory, ClusterAdminService admin, StaffTasks tasks,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.directory = directory;
        this.admin = admin;
        this.tasks = tasks;
    }

    public List<StaffMember> staff(String clusterId) {
        List<StaffMember> staff = new ArrayList<>();
        for (Person person : directory.staffOf(clusterId)) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(directory.rolesOf(person.id()).getOrDefault(clusterId, Set.of()));
            roles.retainAll(STAFF_ROLES);
            staff.add(new StaffMember(person, roles, tasks.count(clusterId, person.id())));
        }
        return staff;
    }

    public Optional<StaffMember> member(String clusterId, String userId) {
        return staff(clusterId).stream().filter(s -> s.person().id().equals(userId)).findFirst();
    }

    /**
     * Invites a person to the cluster's staff with these roles; a new address gets an account and the invitation, an
     * account from outside the cluster is asked to accept first.
     */
    @Transactional
    public Person invite(String clusterId, String firstName, String lastName, String email, String language,
                         Set<Role> roles) {
        Person person = null;
        for (Role role : roles) {
            person = admin.personFor(clusterId, firstName, lastName, email, language, role).person();
        }
        return person;
    }

    /**
     * Gives a person of the staff exactly these roles in the cluster. Refused (false) when none is left (that is a
     * leave, with its tasks handed over) or the cluster would be left without a coordinator.
     */
    @Transactional
    public boolean setRoles(String clusterId, String userId, Set<Role> roles) {
        if (roles.isEmpty() || (!roles.contains(Role.COORDINATOR) && lastCoordinator(clusterId, userId))) {
            return false;
        }
        if (!roles.contains(Role.BOARD) && directory.rolesOf(userId).getOrDefault(clusterId, Set.of()).contains(Role.BOARD)) {
            events.publishEvent(new LeftTheBoard(clusterId, userId));
        }
        // the new roles first: a person never holds none on the way, which would take them out of the cluster
        STAFF_ROLES.stream().filter(roles::contains).forEach(role -> directory.grant(userId, clusterId, role));
        STAFF_ROLES.stream().filter(role -> !roles.contains(role))
                .forEach(role -> directory.revoke(userId, clusterId, role));
        return true;
    }

    public List<StaffTasks.OpenTask> openTasks(String clusterId, String userId) {
        return tasks.open(clusterId, userId);
    }

    /**
     * Someone left: their open tasks in the cluster go to a colleague (each one mailed to them as an assignment is),
     * their open ballots are withdrawn from the board's votes, and their roles in the cluster end; their account stays
     * for any other cluster. Refused (-1) for the cluster's
     * last coordinator or a colleague who is not of the staff.
     */
    @Transactional
    public int leave(String clusterId, String userId, String colleague) {
        if (lastCoordinator(clusterId, userId) || colleague.equals(userId)
                || member(clusterId, colleague).isEmpty()) {
            return -1;
        }
        // their ballots are withdrawn from the votes, not handed to the colleague with the rest
        events.publishEvent(new LeftTheBoard(clusterId, userId));
        int handed = tasks.handOver(clusterId, userId, colleague);
        for (Role role : STAFF_ROLES) {
            directory.revoke(userId, clusterId, role);
        }
        return handed;
    }

    private boolean lastCoordinator(String clusterId, String userId) {
        List<Person> coordinators = directory.peopleWithRole(clusterId, Role.COORDINATOR);
        return coordinators.size() == 1 && coordinators.get(0).id().equals(userId);
    }
}
