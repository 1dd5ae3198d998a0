package ua.clusterflow.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ua.clusterflow.base.Role;

/**
 * Clusters, people and their roles, kept in the engine's identity service so that the
 * operators' Cockpit and Admin see the same people the app does.
 */
public interface ClusterDirectory {

    String LANGUAGE = "language";

    /** A person with their groups and their roles per cluster, as they are now. */
    record Access(Person person, List<String> groupIds, Map<String, Set<Role>> roles) {
    }

    boolean exists(String clusterId);

    void createCluster(String clusterId, String name);

    /**
     * Every cluster by name. The clusters are read with one plain statement on the engine's tenants, here and below:
     * the engine's tenant query builds its statement anew in a command of its own on every call, on every page.
     */
    List<Cluster> clusters();

    /** The clusters with these ids, by name. */
    List<Cluster> clusters(Collection<String> clusterIds);

    Optional<Cluster> cluster(String clusterId);

    String clusterName(String clusterId);

    boolean personExists(String userId);

    /** The account with this login, or else the one account with this e-mail address. */
    Optional<Person> personByLoginOrEmail(String loginOrEmail);

    /** The one account with this e-mail address, if there is exactly one. */
    Optional<Person> personByEmail(String email);

    boolean emailTaken(String email);

    /** A login not yet taken, from the part of the e-mail address before the @ ("olena", "olena2", ...). */
    String freeUserId(String email);

    /**
     * Creates an account; with a null password it has none (and nobody signs in to it) until the person sets one from
     * an invitation link.
     */
    void createPerson(String userId, String firstName, String lastName, String email, String language,
                      String password);

    void setPassword(String userId, String password);

    void grant(String userId, String clusterId, Role role);

    /** A role in a cluster for an account created in this transaction, which is in no cluster or group yet. */
    void grantNewcomer(String userId, String clusterId, Role role);

    /**
     * Takes a role in a cluster from a person; they stay in the cluster with whatever other roles they hold, and with
     * none left they leave the cluster itself: its people, cases and pages are no longer theirs on their next request.
     */
    void revoke(String userId, String clusterId, Role role);

    /**
     * Takes out of their clusters the people who hold no role there any more (left before a role's end took the
     * cluster with it); how many memberships ended.
     */
    int dropClustersWithoutRole();

    /** Adds a person to a cluster's group that a role brings ({@code <cluster>-<rights>}), creating it if new. */
    void joinRightsGroup(String userId, String clusterId, String rights);

    void leaveRightsGroup(String userId, String clusterId, String rights);

    void makeAdministrator(String userId);

    Optional<Person> person(String userId);

    /** The person's name as the app shows it, or the user id of an account that is gone; one statement. */
    String displayName(String userId);

    /** Everyone holding a role in a cluster, for mail to a group. */
    List<Person> peopleInGroup(String groupId);

    List<Person> peopleWithRole(String clusterId, Role role);

    /** Everyone belonging to a cluster, whatever the role, by name. */
    List<Person> peopleOfCluster(String clusterId);

    /**
     * The people who work a cluster's processes: its coordinators and board, by name, each once, in one statement.
     * Tasks are delegated among them; the cluster's member contacts (hundreds in a large cluster) are not offered.
     */
    List<Person> staffOf(String clusterId);

    /** A person's roles in each cluster they belong to. */
    Map<String, Set<Role>> rolesOf(String userId);

    /**
     * Who a person is and what they may do, read in one statement: the account, its language, its groups and the
     * clusters it belongs to directly or through a group. Empty when the account is gone.
     */
    Optional<Access> access(String userId);

    List<String> groupsOf(String userId);

    boolean hasInfo(String userId, String key);

    void setInfo(String userId, String key, String value);

    boolean checkPassword(String userId, String password);

    /** Whether the account's password is stored with another hash than the engine's current one (an older one). */
    boolean passwordHashedWithOtherThan(String userId, String algorithm);
}
