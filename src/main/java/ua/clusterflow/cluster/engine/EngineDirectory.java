package ua.clusterflow.cluster.engine;

import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.AuditTrail;
import ua.clusterflow.cluster.Cluster;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;

/** The cluster directory on the engine's identity service: tenants are clusters, groups are roles, users are people. */
@Service
class EngineDirectory implements ClusterDirectory {

    /** People by name as a Ukrainian reader sorts them (Є and І among the letters, not before А). */
    private static final Comparator<Person> BY_NAME = Comparator.comparing(Person::displayName,
            Collator.getInstance(Locale.forLanguageTag("uk")));

    /** The groups of a tenant's roles, as SQL on {@code act_id_tenant_member t}. */
    private static final String ROLE_GROUPS_OF_TENANT = Stream.of(Role.values())
            .map(role -> role.groupOf("t.tenant_id_ || '") + "'").collect(Collectors.joining(", "));

    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    EngineDirectory(IdentityService identity, JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.audit = audit;
    }

    @Override
    public boolean exists(String clusterId) {
        return identity.createTenantQuery().tenantId(clusterId).count() > 0;
    }

    @Override
    public void createCluster(String clusterId, String name) {
        Tenant tenant = identity.newTenant(clusterId);
        tenant.setName(name);
        identity.saveTenant(tenant);
        for (Role role : Role.values()) {
            Group group = identity.newGroup(role.groupOf(clusterId));
            group.setName(name + " · " + role.name().toLowerCase());
            group.setType("CLUSTER_ROLE");
            identity.saveGroup(group);
            identity.createTenantGroupMembership(clusterId, group.getId());
        }
    }

    @Override
    public List<Cluster> clusters() {
        return jdbc.sql("select id_, name_ from act_id_tenant order by name_, id_").query(CLUSTER).list();
    }

    @Override
    public List<Cluster> clusters(Collection<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id_, name_ from act_id_tenant where id_ in (:ids) order by name_, id_")
                .param("ids", clusterIds).query(CLUSTER).list();
    }

    @Override
    public Optional<Cluster> cluster(String clusterId) {
        return jdbc.sql("select id_, name_ from act_id_tenant where id_ = ?").param(clusterId).query(CLUSTER).optional();
    }

    private static final RowMapper<Cluster> CLUSTER = (rs, n) -> new Cluster(rs.getString("id_"), rs.getString("name_"));

    @Override
    public String clusterName(String clusterId) {
        return cluster(clusterId).map(Cluster::name).orElse(clusterId);
    }

    @Override
    public boolean personExists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    @Override
    public Optional<Person> personByLoginOrEmail(String loginOrEmail) {
        Optional<Person> byLogin = person(loginOrEmail);
        if (byLogin.isPresent()) {
            return byLogin;
        }
        List<User> byEmail = identity.createUserQuery().userEmail(loginOrEmail).listPage(0, 2);
        return byEmail.size() == 1 ? Optional.of(toPerson(byEmail.get(0))) : Optional.empty();
    }

    @Override
    public Optional<Person> personByEmail(String email) {
        List<User> byEmail = identity.createUserQuery().userEmail(email.trim().toLowerCase(Locale.ROOT))
                .listPage(0, 2);
        return byEmail.size() == 1 ? Optional.of(toPerson(byEmail.get(0))) : Optional.empty();
    }

    @Override
    public boolean emailTaken(String email) {
        return identity.createUserQuery().userEmail(email).count() > 0;
    }

    @Override
    public String freeUserId(String email) {
        String base = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "").replaceAll("^[^a-z0-9]+", "");
        if (base.length() < 2) {
            base = "member" + base;
        }
        String candidate = base;
        for (int i = 2; personExists(candidate); i++) {
            candidate = base + i;
        }
        return candidate;
    }

    @Override
    public void createPerson(String userId, String firstName, String lastName, String email, String language,
                             String password) {
        User user = identity.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        if (password != null) {
            user.setPassword(password);
        }
        identity.saveUser(user);
        identity.setUserInfo(userId, LANGUAGE, language);
    }

    @Override
    public void setPassword(String userId, String password) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
    }

    @Override
    public void grant(String userId, String clusterId, Role role) {
        if (identity.createTenantQuery().userMember(userId).tenantId(clusterId).count() == 0) {
            identity.createTenantUserMembership(clusterId, userId);
        }
        String groupId = role.groupOf(clusterId);
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
            audit(userId, clusterId, "audit.roleGranted", role);
        }
    }

    @Override
    public void grantNewcomer(String userId, String clusterId, Role role) {
        identity.createTenantUserMembership(clusterId, userId);
        identity.createMembership(userId, role.groupOf(clusterId));
        audit(userId, clusterId, "audit.roleGranted", role);
    }

    @Override
    public void revoke(String userId, String clusterId, Role role) {
        String groupId = role.groupOf(clusterId);
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
            identity.deleteMembership(userId, groupId);
            audit(userId, clusterId, "audit.roleRevoked", role);
        }
        boolean roleLeft = Stream.of(Role.values()).anyMatch(r -> identity.createUserQuery().userId(userId)
                .memberOfGroup(r.groupOf(clusterId)).count() > 0);
        if (!roleLeft) {
            leaveCluster(userId, clusterId);
        }
    }

    /** Out of the cluster itself, with the rights its delegated roles gave: nothing of it is theirs to read. */
    private void leaveCluster(String userId, String clusterId) {
        for (Group rights : identity.createGroupQuery().groupMember(userId).memberOfTenant(clusterId).unlimitedList()) {
            identity.deleteMembership(userId, rights.getId());
        }
        if (identity.createTenantQuery().userMember(userId).tenantId(clusterId).count() > 0) {
            identity.deleteTenantUserMembership(clusterId, userId);
        }
    }

    @Override
    public int dropClustersWithoutRole() {
        List<String[]> stale = jdbc.sql("""
                select t.user_id_, t.tenant_id_ from act_id_tenant_member t
                where t.user_id_ is not null and not exists (
                    select 1 from act_id_membership m where m.user_id_ = t.user_id_ and m.group_id_ in (%s))"""
                .formatted(ROLE_GROUPS_OF_TENANT))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        stale.forEach(pair -> leaveCluster(pair[0], pair[1]));
        return stale.size();
    }

    @Override
    public void joinRightsGroup(String userId, String clusterId, String rights) {
        String groupId = clusterId + "-" + rights;
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(clusterName(clusterId) + " · " + rights);
            group.setType("ROLE_RIGHTS");
            identity.saveGroup(group);
            identity.createTenantGroupMembership(clusterId, groupId);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    @Override
    public void leaveRightsGroup(String userId, String clusterId, String rights) {
        String groupId = clusterId + "-" + rights;
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
            identity.deleteMembership(userId, groupId);
        }
    }

    @Override
    public void makeAdministrator(String userId) {
        if (identity.createGroupQuery().groupId(Role.ADMIN_GROUP).count() == 0) {
            Group admins = identity.newGroup(Role.ADMIN_GROUP);
            admins.setName("Administrators");
            admins.setType("SYSTEM");
            identity.saveGroup(admins);
        }
        identity.createMembership(userId, Role.ADMIN_GROUP);
    }

    @Override
    public Optional<Person> person(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        return Optional.ofNullable(user).map(this::toPerson);
    }

    @Override
    public String displayName(String userId) {
        if (userId == null) {
            return null;
        }
        return jdbc.sql("select first_, last_ from act_id_user where id_ = ?").param(userId)
                .query((rs, n) -> new Person(userId, rs.getString("first_"), rs.getString("last_"), null, null)
                        .displayName())
                .optional().orElse(userId);
    }

    @Override
    public List<Person> peopleInGroup(String groupId) {
        return withLanguages(identity.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc()
                .unlimitedList());
    }

    @Override
    public List<Person> peopleWithRole(String clusterId, Role role) {
        return peopleInGroup(role.groupOf(clusterId));
    }

    @Override
    public List<Person> peopleOfCluster(String clusterId) {
        return withLanguages(identity.createUserQuery().memberOfTenant(clusterId).unlimitedList()).stream()
                .sorted(BY_NAME)
                .toList();
    }

    @Override
    public List<Person> staffOf(String clusterId) {
        return jdbc.sql("""
                select distinct u.id_, u.first_, u.last_, u.email_, coalesce(i.value_, 'uk') as language
                from act_id_membership m
                join act_id_user u on u.id_ = m.user_id_
                left join act_id_info i on i.user_id_ = u.id_ and i.key_ = :key and i.parent_id_ is null
                where m.group_id_ in (:groups)""")
                .param("key", LANGUAGE)
                .param("groups", Stream.of(Role.COORDINATOR, Role.CHAIR, Role.BOARD).map(r -> r.groupOf(clusterId)).toList())
                .query((rs, n) -> new Person(rs.getString("id_"), rs.getString("first_"), rs.getString("last_"),
                        rs.getString("email_"), rs.getString("language")))
                .list().stream().sorted(BY_NAME).toList();
    }

    @Override
    public Map<String, Set<Role>> rolesOf(String userId) {
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        for (Tenant tenant : identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).unlimitedList()) {
            roles.put(tenant.getId(), EnumSet.noneOf(Role.class));
        }
        for (Group group : identity.createGroupQuery().groupMember(userId).unlimitedList()) {
            for (String clusterId : roles.keySet()) {
                Role role = Role.ofGroup(group.getId(), clusterId);
                if (role != null) {
                    roles.get(clusterId).add(role);
                }
            }
        }
        return roles;
    }

    @Override
    public Optional<Access> access(String userId) {
        return jdbc.sql("""
                select u.id_, u.first_, u.last_, u.email_,
                    (select i.value_ from act_id_info i where i.user_id_ = u.id_ and i.key_ = :key
                        and i.parent_id_ is null limit 1) as language,
                    array(select m.group_id_ from act_id_membership m where m.user_id_ = u.id_ order by 1) as groups,
                    array(select t.tenant_id_ from act_id_tenant_member t where t.user_id_ = u.id_
                          union
                          select t.tenant_id_ from act_id_tenant_member t
                          join act_id_membership m on m.group_id_ = t.group_id_ where m.user_id_ = u.id_
                          order by 1) as tenants
                from act_id_user u where u.id_ = :id""")
                .param("key", LANGUAGE).param("id", userId)
                .query((rs, n) -> {
                    List<String> groups = List.of((String[]) rs.getArray("groups").getArray());
                    Map<String, Set<Role>> roles = new LinkedHashMap<>();
                    for (String clusterId : (String[]) rs.getArray("tenants").getArray()) {
                        Set<Role> held = EnumSet.noneOf(Role.class);
                        groups.stream().map(g -> Role.ofGroup(g, clusterId)).filter(Objects::nonNull)
                                .forEach(held::add);
                        roles.put(clusterId, held);
                    }
                    String language = rs.getString("language");
                    return new Access(new Person(rs.getString("id_"), rs.getString("first_"), rs.getString("last_"),
                            rs.getString("email_"), language == null ? "uk" : language), groups, roles);
                })
                .optional();
    }

    @Override
    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).unlimitedList().stream().map(Group::getId).toList();
    }

    private void audit(String userId, String clusterId, String what, Role role) {
        audit.record(AuditTrail.Change.toPerson(clusterId, AuditTrail.Area.ROLES, what,
                Detail.text("role." + role.name()), userId, displayName(userId)));
    }

    @Override
    public boolean hasInfo(String userId, String key) {
        return identity.getUserInfo(userId, key) != null;
    }

    @Override
    public void setInfo(String userId, String key, String value) {
        identity.setUserInfo(userId, key, value);
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean hasPassword = jdbc.sql("select count(*) from act_id_user where id_ = ? and pwd_ is not null")
                .param(userId).query(Long.class).single() > 0;
        return hasPassword && identity.checkPassword(userId, password);
    }

    @Override
    public boolean passwordHashedWithOtherThan(String userId, String algorithm) {
        return jdbc.sql("select pwd_ from act_id_user where id_ = ?").param(userId).query(String.class).optional()
                .map(hash -> !hash.startsWith("{" + algorithm + "}")).orElse(false);
    }

    /** The people with the language each reads, asked for all of them at once rather than one by one. */
    private List<Person> withLanguages(List<User> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Map<String, String> languages = new HashMap<>();
        jdbc.sql("select user_id_, value_ from act_id_info where key_ = :key and user_id_ in (:ids)")
                .param("key", LANGUAGE).param("ids", users.stream().map(User::getId).toList())
                .query((rs, n) -> languages.put(rs.getString("user_id_"), rs.getString("value_"))).list();
        return users.stream().map(u -> new Person(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail(),
                languages.getOrDefault(u.getId(), "uk"))).toList();
    }

    private Person toPerson(User user) {
        String language = identity.getUserInfo(user.getId(), LANGUAGE);
        return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
                language == null ? "uk" : language);
    }
}
