package ua.clusterflow.base;

import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in person with their roles per cluster, as read from the identity service at login. As a principal it is
 * named by the account's id, which is what the sessions in PostgreSQL are indexed by ({@link Sessions}).
 */
public record CurrentUser(String id, String name, String email, String language, boolean administrator,
                          Map<String, Set<Role>> roles, List<String> groupIds) implements Principal, Serializable {

    @Override
    public String getName() {
        return id;
    }

    public List<String> clusterIds() {
        return List.copyOf(roles.keySet());
    }

    public boolean has(String clusterId, Role role) {
        return roles.getOrDefault(clusterId, Set.of()).contains(role);
    }

    public boolean belongsTo(String clusterId) {
        return roles.containsKey(clusterId);
    }

    /** Coordinators and the board work a cluster's cases; members see only their own. */
    public boolean worksCasesOf(String clusterId) {
        return has(clusterId, Role.COORDINATOR) || has(clusterId, Role.BOARD) || has(clusterId, Role.CHAIR);
    }

    /**
     * The cluster a coordinator's page is for: the one asked for, or the first they coordinate when none is. Refused
     * (403) to someone who coordinates none, and (404) for a cluster that is not theirs.
     */
    public String clusterAsCoordinator(String cluster) {
        String clusterId = cluster == null || cluster.isBlank()
                ? roles.keySet().stream().filter(c -> has(c, Role.COORDINATOR)).sorted().findFirst().orElse("")
                : cluster;
        if (!has(clusterId, Role.COORDINATOR)) {
            throw new ResponseStatusException(
                    cluster == null || cluster.isBlank() || belongsTo(clusterId)
                            ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
        }
        return clusterId;
    }

    public boolean isCoordinatorAnywhere() {
        return roles.keySet().stream().anyMatch(c -> has(c, Role.COORDINATOR));
    }

    /** Whether the person speaks for a member organisation in some cluster. */
    public boolean isMemberAnywhere() {
        return roles.keySet().stream().anyMatch(c -> has(c, Role.MEMBER));
    }

    public boolean isStaffAnywhere() {
        return roles.keySet().stream().anyMatch(this::worksCasesOf);
    }

    public Collection<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (administrator) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        roles.forEach((cluster, set) -> set.forEach(
                role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()))));
        return authorities;
    }
}
