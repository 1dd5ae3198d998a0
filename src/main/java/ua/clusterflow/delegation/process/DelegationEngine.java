package ua.clusterflow.delegation.process;

import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.delegation.DelegationCases;
import ua.clusterflow.delegation.RoleDelegationService;
import ua.clusterflow.delegation.RoleTerm;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.engine.Variable;
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
                .and(ClusterTenantPlugin.CLUSTER, term.clusterId())
                .and(DelegationProcess.TERM_ID, term.id())
                .and(DelegationProcess.NOMINEE, term.holder())
                .and(DelegationProcess.PROPOSER, proposer)
                .and(ProcessVariables.CASE_TITLE, title));
    }

    @Override
    public void revocationRequested(String businessKey) {
        runtime.createMessageCorrelation(DelegationProcess.MSG_REVOCATION_REQUESTED)
                .processInstanceBusinessKey(businessKey).correlate();
    }

    /** The term's end in Kyiv time, the moment to ask about renewal, and its holder. */
    static Variable.Values termVariables(RoleTerm term) {
        Date end = Date.from(term.termEnd().atTime(LocalTime.of(23, 59)).atZone(AppClock.KYIV).toInstant());
        Date renewal = Date.from(term.termEnd().minusDays(RoleDelegationService.RENEWAL_NOTICE_DAYS)
                .atTime(LocalTime.of(9, 0)).atZone(AppClock.KYIV).toInstant());
        return Variable.values()
                .and(DelegationProcess.TERM_END_AT, end)
                .and(DelegationProcess.RENEWAL_AT, renewal)
                .and(DelegationProcess.HOLDER, term.holder());
    }
}
