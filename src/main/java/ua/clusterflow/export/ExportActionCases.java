package ua.clusterflow.export;

import java.math.BigDecimal;

/** An export action's case in the engine, as the export action service drives it. */
public interface ExportActionCases {

    /** The key of the process whose cases this port drives, as the models deploy it. */
    String PROCESS_KEY = "ExportAction";

    /** Starts the case of an action just announced. */
    void start(ExportAction action);

    /** Who approves an action the cluster pays this much for ({@code export-action-approval.dmn}). */
    String approver(BigDecimal clusterCost);
}
