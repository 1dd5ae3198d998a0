package ua.clusterflow.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, people who hold no role in a cluster are taken out of it: those who left while leaving took only their
 * roles, and kept reading the cluster's people, roles and meetups.
 */
@Component
class FormerPeople {

    private static final Logger log = LoggerFactory.getLogger(FormerPeople.class);

    private final ClusterDirectory directory;

    FormerPeople(ClusterDirectory directory) {
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void takeOutOfTheirFormerClusters() {
        int dropped = directory.dropClustersWithoutRole();
        if (dropped > 0) {
            log.info("Took {} people without a role out of their clusters", dropped);
        }
    }
}
