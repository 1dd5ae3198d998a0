package ua.clusterflow.architecture.violations.cluster;

/** A layer of the tree of violations. */
public class Cluster {
}
