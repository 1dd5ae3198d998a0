package ua.clusterflow.cluster;

/** A cluster is an engine tenant: its id scopes every case, task and person. */
public record Cluster(String id, String name) {
}
