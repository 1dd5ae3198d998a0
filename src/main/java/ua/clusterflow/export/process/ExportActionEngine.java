package ua.clusterflow.export.process;

import java.math.BigDecimal;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.export.ExportAction;
import ua.clusterflow.export.ExportActionCases;
import ua.clusterflow.export.ExportActionService;
import ua.clusterflow.tasklist.ProcessVariables;

/** The export action cases on the engine: {@code export-action.bpmn} started, the approval table read. */
@Component
class ExportActionEngine implements ExportActionCases {

    private final RuntimeService runtime;
    private final DecisionService decisions;

    ExportActionEngine(RuntimeService runtime, DecisionService decisions) {
        this.runtime = runtime;
        this.decisions = decisions;
    }

    @Override
    public void start(ExportAction action) {
        runtime.startProcessInstanceByKey(ExportActionProcess.KEY, action.reference(), Variable.values()
                .and(ClusterTenantPlugin.CLUSTER, action.clusterId())
                .and(ExportActionProcess.ACTION_ID, action.id())
                .and(ExportActionProcess.JOIN_DEADLINE_AT, ExportActionService.closesAt(action.joinDeadline()))
                .and(ProcessVariables.CASE_TITLE, action.title()));
    }

    @Override
    public String approver(BigDecimal clusterCost) {
        return (String) decisions.evaluateDecisionTableByKey(ExportActionProcess.APPROVER_TABLE)
                .variables(Variables.createVariables().putValue(ExportActionProcess.IN_CLUSTER_COST,
                        clusterCost.doubleValue()))
                .evaluate().getSingleResult().getSingleEntry();
    }
}
