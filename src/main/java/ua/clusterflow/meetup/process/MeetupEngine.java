package ua.clusterflow.meetup.process;

import java.math.BigDecimal;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupCases;
import ua.clusterflow.tasklist.ProcessVariables;

/** The meetup cases on the engine: {@code tech-meetup.bpmn} started and messaged, the approval table read. */
@Component
class MeetupEngine implements MeetupCases {

    private final RuntimeService runtime;
    private final DecisionService decisions;

    MeetupEngine(RuntimeService runtime, DecisionService decisions) {
        this.runtime = runtime;
        this.decisions = decisions;
    }

    @Override
    public void start(Meetup meetup) {
        runtime.startProcessInstanceByKey(MeetupProcess.KEY, meetup.reference(), Variables.createVariables()
                .putValue(ClusterTenantPlugin.CLUSTER.name(), meetup.clusterId())
                .putValue(MeetupProcess.MEETUP_ID.name(), meetup.id())
                .putValue(ProcessVariables.CASE_TITLE.name(), meetup.segment()));
    }

    @Override
    public void expertAnswered(String reference, long expertId) {
        runtime.createMessageCorrelation(MeetupProcess.MSG_EXPERT_ANSWERED)
                .processInstanceBusinessKey(reference)
                .localVariableEquals(MeetupProcess.EXPERT_ID.name(), String.valueOf(expertId))
                .correlateAll();
    }

    @Override
    public void cancel(String reference) {
        runtime.createMessageCorrelation(MeetupProcess.MSG_CANCELLED).processInstanceBusinessKey(reference).correlate();
    }

    /** Who approves a plan of this budget, as {@code meetup-approval.dmn} says. */
    String approver(BigDecimal budget) {
        return (String) decisions.evaluateDecisionTableByKey(MeetupProcess.APPROVER_TABLE)
                .variables(Variables.createVariables().putValue(MeetupProcess.IN_BUDGET, budget.doubleValue()))
                .evaluate().getSingleResult().getSingleEntry();
    }
}
