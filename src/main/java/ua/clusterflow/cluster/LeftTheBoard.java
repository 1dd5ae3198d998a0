package ua.clusterflow.cluster;

/**
 * A person is no longer of a cluster's board (they left, or their board role was taken): published before their tasks
 * are handed over, so that the board can withdraw their open ballots, which are theirs alone and never handed over.
 */
public record LeftTheBoard(String clusterId, String userId) {
}
