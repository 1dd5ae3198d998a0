package ua.clusterflow.architecture.violations.mail;

/** A layer of the tree of violations. */
public class Mail {
}
