package ua.clusterflow.bench;

import ua.clusterflow.RealDoor;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;

/** A cluster of a benchmark's own with its coordinator, signed in through the login form on the real port. */
final class BenchCoordinators {

    private BenchCoordinators() {
    }

    /** A cluster of its own with its coordinator, signed in on the real port through the real filter chain. */
    static RealDoor signedInCoordinatorOf(ClusterDirectory directory, int port, String address, String cluster,
                                          String clusterName) {
        directory.createCluster(cluster, clusterName);
        String password = "bench-" + cluster + "-password";
        directory.createPerson(cluster + "-c", "Дарина", "Координатор", cluster + "-c@example.com", "uk", password);
        directory.grant(cluster + "-c", cluster, Role.COORDINATOR);
        RealDoor door = RealDoor.from(port, address);
        if (door.signIn(cluster + "-c", password).location().contains("/login")) {
            throw new IllegalStateException("the benchmark's coordinator was not let in");
        }
        return door;
    }

    /** Seconds since a {@link System#nanoTime()}, to two places. */
    static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }
}
