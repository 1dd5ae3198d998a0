package ua.clusterflow.system;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.cluster.Role;

/**
 * Logs people in against the engine's identity service, the one place passwords live; throttles guessing. The only
 * authentication provider, so Spring Security's global authentication manager asks it once per attempt.
 */
@Component
public class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final ClusterDirectory directory;
    private final LoginThrottle throttle;

    public IdentityAuthenticationProvider(ClusterDirectory directory, LoginThrottle throttle) {
        this.directory = directory;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = String.valueOf(authentication.getCredentials());
        if (userId.isEmpty()) {
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.check(userId);
        if (!directory.checkPassword(userId, password)) {
            throttle.failed(userId);
            throw new BadCredentialsException("Bad credentials");
        }
        CurrentUser user = load(userId);
        return new UsernamePasswordAuthenticationToken(user, null, user.authorities());
    }

    public CurrentUser load(String userId) {
        Person person = directory.person(userId).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        var groups = directory.groupsOf(userId);
        return new CurrentUser(userId, person.displayName(), person.email(), person.language(),
                groups.contains(Role.ADMIN_GROUP), directory.rolesOf(userId), groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
