package ua.clusterflow.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.clusterflow.base.CurrentUser;

/**
 * Access follows the current truth: on every request the signed-in person's groups, clusters and roles are read
 * again (one statement), so a role or cluster taken away by a coordinator, an administrator or the Camunda Admin
 * webapp applies from the person's next request, on every node. An account that is gone ends its session.
 */
public class CurrentAccessFilter extends OncePerRequestFilter {

    private final IdentityAuthenticationProvider people;

    public CurrentAccessFilter(IdentityAuthenticationProvider people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser signedIn) {
            Optional<CurrentUser> now = people.current(signedIn.id());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (now.isPresent()) {
                context.setAuthentication(now.get().equals(signedIn) ? authentication
                        : new UsernamePasswordAuthenticationToken(now.get(), null, now.get().authorities()));
            } else {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
