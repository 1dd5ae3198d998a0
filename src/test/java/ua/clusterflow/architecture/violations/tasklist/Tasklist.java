package ua.clusterflow.architecture.violations.tasklist;

/** A layer of the tree of violations. */
public class Tasklist {
}
