package ua.clusterflow.architecture.violations.engine;

/** A layer of the tree of violations. */
public class Engine {
}
