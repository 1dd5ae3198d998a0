package ua.clusterflow.membership.process;

import static ua.clusterflow.membership.MembershipService.morningOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.membership.MembershipYears;

/** The membership years on the engine: {@code membership-renewal.bpmn} started, messaged and ended. */
@Component
class MembershipEngine implements MembershipYears {

    private final RuntimeService runtime;

    MembershipEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(String businessKey, String clusterId, long organisationId, String title, LocalDate yearFrom) {
        runtime.startProcessInstanceByKey(MembershipProcess.KEY, businessKey,
                yearVariables(clusterId, organisationId, title, yearFrom));
    }

    @Override
    public void startUnpaid(String businessKey, String clusterId, long organisationId, String title,
                            LocalDate yearFrom, long dues, LocalDate lapsesOn, boolean inGrace) {
        Variable.Values variables = yearVariables(clusterId, organisationId, title, yearFrom)
                .and(MembershipProcess.DUES, dues)
                .and(MembershipProcess.LAPSES_ON, morningOf(lapsesOn))
                .and(MembershipProcess.PAY_BY, morningOf(yearFrom));
        runtime.createProcessInstanceByKey(MembershipProcess.KEY).businessKey(businessKey).setVariables(variables)
                .startBeforeActivity(inGrace ? MembershipProcess.TASK_CONFIRM_DUES_IN_GRACE
                        : MembershipProcess.TASK_CONFIRM_DUES_LAPSED)
                .execute();
    }

    private static Variable.Values yearVariables(String clusterId, long organisationId, String title,
                                                 LocalDate yearFrom) {
        return Variable.values()
                .and(ClusterTenantPlugin.CLUSTER, clusterId)
                .and(MembershipProcess.ORGANISATION_ID, organisationId)
                .and(MembershipProcess.CASE_TITLE, title)
                .and(MembershipProcess.YEAR_FROM, yearFrom)
                .and(MembershipProcess.RENEWAL_AT, morningOf(yearFrom));
    }

    @Override
    public Optional<String> openYear(long organisationId) {
        return years(organisationId).stream().max(Comparator.comparing(ProcessInstance::getBusinessKey))
                .map(ProcessInstance::getId);
    }

    @Override
    public void resignation(String year, LocalDate ends, String reason, String actor) {
        runtime.createMessageCorrelation(MembershipProcess.MSG_RESIGNATION)
                .processInstanceId(year)
                .setVariables(Variable.values()
                        .and(MembershipProcess.NOTICE_ENDS, morningOf(ends))
                        .and(MembershipProcess.REASON, reason)
                        .and(MembershipProcess.ACTOR, actor))
                .correlate();
    }

    @Override
    public boolean noticeWithdrawn(long organisationId, String actor) {
        return !runtime.createMessageCorrelation(MembershipProcess.MSG_NOTICE_WITHDRAWN)
                .processInstanceVariableEquals(MembershipProcess.ORGANISATION_ID.name(), organisationId)
                .setVariables(Variable.values().and(MembershipProcess.ACTOR, actor))
                .correlateAllWithResult().isEmpty();
    }

    @Override
    public void exclusion(String year, String reason, String actor) {
        runtime.createMessageCorrelation(MembershipProcess.MSG_EXCLUSION)
                .processInstanceId(year)
                .setVariables(Variable.values()
                        .and(MembershipProcess.REASON, reason)
                        .and(MembershipProcess.ACTOR, actor))
                .correlate();
    }

    @Override
    public boolean exclusionRunning(String year) {
        return runtime.createExecutionQuery().processInstanceId(year)
                .activityId(MembershipProcess.CALL_EXCLUSION_VOTE).count() > 0;
    }

    @Override
    public List<String> endOtherYears(long organisationId, String keptBusinessKey, String reason) {
        List<String> ended = new ArrayList<>();
        for (ProcessInstance other : years(organisationId)) {
            if (!other.getBusinessKey().equals(keptBusinessKey)) {
                runtime.deleteProcessInstance(other.getId(), "membership " + reason, false, true);
                ended.add(other.getBusinessKey());
            }
        }
        return ended;
    }

    private List<ProcessInstance> years(long organisationId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.KEY)
                .processInstanceBusinessKeyLike("MY-" + organisationId + "-%").listPage(0, 10);
    }
}
