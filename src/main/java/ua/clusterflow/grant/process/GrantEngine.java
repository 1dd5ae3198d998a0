package ua.clusterflow.grant.process;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.grant.GrantApplication;
import ua.clusterflow.grant.GrantCases;
import ua.clusterflow.tasklist.ProcessVariables;

/** The grant cases on the engine: {@code grant-application.bpmn} started and messaged, the screening tables read. */
@Component
class GrantEngine implements GrantCases {

    private final RuntimeService runtime;
    private final DecisionService decisions;

    GrantEngine(RuntimeService runtime, DecisionService decisions) {
        this.runtime = runtime;
        this.decisions = decisions;
    }

    @Override
    public void start(GrantApplication application) {
        Variable.Values variables = deadlineVariables(application.callDeadline())
                .and(ClusterTenantPlugin.CLUSTER, application.clusterId())
                .and(GrantProcess.APPLICATION_ID, application.id())
                .and(GrantProcess.APPLICANT, application.createdBy())
                .and(ProcessVariables.CASE_TITLE, application.title());
        runtime.startProcessInstanceByKey(GrantProcess.KEY, application.reference(), variables);
    }

    @Override
    public void resubmitted(GrantApplication application) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(application.reference()).processDefinitionKey(GrantProcess.KEY)
                .singleResult();
        runtime.setVariables(instance.getId(), deadlineVariables(application.callDeadline())
                .and(ProcessVariables.CASE_TITLE, application.title()));
        runtime.createMessageCorrelation(GrantProcess.MSG_RESUBMITTED)
                .processInstanceBusinessKey(application.reference()).correlate();
    }

    @Override
    public void reviewsComplete(String reference) {
        runtime.createMessageCorrelation(GrantProcess.MSG_REVIEWS_COMPLETE)
                .processInstanceBusinessKey(reference).correlateAll();
    }

    @Override
    public List<String> screening(String programme, long daysToDeadline, BigDecimal budget, int euPartners,
                                  int euPartnersRequired) {
        return decisions.evaluateDecisionTableByKey(GrantProcess.SCREENING_TABLE)
                .variables(Variables.createVariables()
                        .putValue(GrantProcess.IN_PROGRAMME, programme)
                        .putValue(GrantProcess.IN_DAYS_TO_DEADLINE, (int) daysToDeadline)
                        .putValue(GrantProcess.IN_BUDGET, budget.doubleValue())
                        .putValue(GrantProcess.IN_EU_PARTNERS, euPartners)
                        .putValue(GrantProcess.IN_EU_PARTNERS_REQUIRED, euPartnersRequired))
                .evaluate().collectEntries(GrantProcess.OUT_CHECK);
    }

    @Override
    public int euPartnersRequired(String programme) {
        Object required = decisions.evaluateDecisionTableByKey(GrantProcess.EU_PARTNERS_TABLE)
                .variables(Variables.createVariables().putValue(GrantProcess.IN_PROGRAMME, programme))
                .evaluate().getSingleResult().getSingleEntry();
        return ((Number) required).intValue();
    }

    /** The call deadline's end in Kyiv, and the reminder days before it. */
    static Variable.Values deadlineVariables(LocalDate deadline) {
        Date end = Date.from(deadline.atTime(LocalTime.of(23, 59)).atZone(AppClock.KYIV).toInstant());
        Date nine = Date.from(deadline.atTime(LocalTime.of(9, 0)).atZone(AppClock.KYIV).toInstant());
        return Variable.values()
                .and(GrantProcess.DEADLINE_END, end)
                .and(GrantProcess.WEEK_BEFORE, new Date(nine.getTime() - Duration.ofDays(7).toMillis()))
                .and(GrantProcess.DAY_BEFORE, new Date(nine.getTime() - Duration.ofDays(1).toMillis()));
    }
}
