package ua.clusterflow.architecture.violations;

/** A class outside every layer: right under the root, where only the application's main class may stand. */
public class Stray {
}
