package ua.clusterflow.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.shell.IdentityAuthenticationProvider;

/** A cluster of a benchmark's own with its coordinator, signed in for the pages MockMvc serves. */
final class BenchCoordinators {

    private BenchCoordinators() {
    }

    static RequestPostProcessor coordinatorOf(ClusterDirectory directory, IdentityAuthenticationProvider people,
                                              String cluster, String clusterName) {
        directory.createCluster(cluster, clusterName);
        directory.createPerson(cluster + "-c", "Дарина", "Координатор", cluster + "-c@example.com", "uk", null);
        directory.grant(cluster + "-c", cluster, Role.COORDINATOR);
        CurrentUser coordinator = people.load(cluster + "-c");
        return authentication(new UsernamePasswordAuthenticationToken(coordinator, null, coordinator.authorities()));
    }

    /** Seconds since a {@link System#nanoTime()}, to two places. */
    static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }
}
