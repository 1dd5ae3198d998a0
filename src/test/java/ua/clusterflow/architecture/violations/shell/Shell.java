package ua.clusterflow.architecture.violations.shell;

/** A layer of the tree of violations. */
public class Shell {
}
