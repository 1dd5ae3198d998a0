package ua.clusterflow.architecture.violations.base;

/** The bottom layer of the tree of violations. */
public class Base {
}
