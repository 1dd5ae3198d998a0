package ua.clusterflow.delegation.process;

import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.delegation.DelegationCases;
import ua.clusterflow.delegation.RoleDelegationService;
import ua.clusterflow.delegation.RoleTerm;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.tasklist.ProcessVariables;

/** The role terms on the engine: {@code role-delegation.bpmn} started and messaged. */
@Component
class DelegationEngine implements DelegationCases {

    private final RuntimeService runtime;

    DelegationEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(RoleTerm term, String proposer, String title) {
        runtime.startProcessInstanceByKey(DelegationProcess.KEY, term.businessKey(), termVariables(term)
                .putValue(ClusterTenantPlugin.CLUSTER.name(), term.clusterId())
                .putValue(DelegationProcess.TERM_ID.name(), term.id())
                .putValue(DelegationProcess.NOMINEE.name(), term.holder())
                .putValue(DelegationProcess.PROPOSER, proposer)
                .putValue(ProcessVariables.CASE_TITLE.name(), title));
    }

    @Override
    public void revocationRequested(String businessKey) {
        runtime.createMessageCorrelation(DelegationProcess.MSG_REVOCATION_REQUESTED)
                .processInstanceBusinessKey(businessKey).correlate();
    }

    /** The term's end in Kyiv time, the moment to ask about renewal, and its holder. */
    static VariableMap termVariables(RoleTerm term) {
        Date end = Date.from(term.termEnd().atTime(LocalTime.of(23, 59)).atZone(AppClock.KYIV).toInstant());
        Date renewal = Date.from(term.termEnd().minusDays(RoleDelegationService.RENEWAL_NOTICE_DAYS)
                .atTime(LocalTime.of(9, 0)).atZone(AppClock.KYIV).toInstant());
        return Variables.createVariables()
                .putValue(DelegationProcess.TERM_END_AT, end)
                .putValue(DelegationProcess.RENEWAL_AT, renewal)
                .putValue(DelegationProcess.HOLDER.name(), term.holder());
    }
}
