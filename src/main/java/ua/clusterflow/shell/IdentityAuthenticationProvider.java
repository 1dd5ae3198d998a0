package ua.clusterflow.shell;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.engine.PasswordHashing;

/**
 * Logs people in against the engine's identity service, the one place passwords live; throttles guessing and moves a
 * password stored with an older hash to the current one. The only authentication provider, so Spring Security's
 * global authentication manager asks it once per attempt.
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
        if (userId.isEmpty() || userId.length() > 200) {
            throw new BadCredentialsException("Bad credentials");
        }
        LoginThrottle.Attempt attempt = throttle.begin(userId, authentication.getDetails());
        if (!directory.checkPassword(userId, password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(attempt);
        if (directory.passwordHashedWithOtherThan(userId, PasswordHashing.ALGORITHM)) {
            directory.setPassword(userId, password);
        }
        CurrentUser user = load(userId);
        return new UsernamePasswordAuthenticationToken(user, null, user.authorities());
    }

    public CurrentUser load(String userId) {
        return current(userId).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
    }

    /** The person as they are now: their account, groups and roles per cluster; empty when the account is gone. */
    public Optional<CurrentUser> current(String userId) {
        return directory.access(userId).map(access -> new CurrentUser(userId, access.person().displayName(),
                access.person().email(), access.person().language(), access.groupIds().contains(Role.ADMIN_GROUP),
                access.roles(), access.groupIds()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
