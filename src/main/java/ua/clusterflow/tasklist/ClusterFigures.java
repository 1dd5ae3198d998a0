package ua.clusterflow.tasklist;

import java.util.Map;

/**
 * A feature's figures about a cluster, as the dashboard, the alliance view and the reports ask for them: the feature
 * reads its own tables, so none of them reads another's and a status renamed in one is renamed in its figures too.
 */
public interface ClusterFigures {

    /** The figures this feature counts, each at most once among all features. */
    Map<ClusterFigure, Number> figures(String clusterId);
}
