package ua.clusterflow.meetup.process;

import java.math.BigDecimal;
import java.util.Date;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupCases;
import ua.clusterflow.tasklist.ProcessVariables;

/** The meetup cases on the engine: {@code tech-meetup.bpmn} started and messaged, the approval table read. */
@Component
class MeetupEngine implements MeetupCases {

    private final RuntimeService runtime;
    private final DecisionService decisions;
    private final ManagementService management;

    MeetupEngine(RuntimeService runtime, DecisionService decisions, ManagementService management) {
        this.management = management;
        this.runtime = runtime;
        this.decisions = decisions;
    }

    @Override
    public void start(Meetup meetup) {
        runtime.startProcessInstanceByKey(MeetupProcess.KEY, meetup.reference(), Variable.values()
                .and(ClusterTenantPlugin.CLUSTER, meetup.clusterId())
                .and(MeetupProcess.MEETUP_ID, meetup.id())
                .and(ProcessVariables.CASE_TITLE, meetup.segment()));
    }

    @Override
    public void expertAnswered(String reference, long expertId) {
        runtime.createMessageCorrelation(MeetupProcess.MSG_EXPERT_ANSWERED)
                .processInstanceBusinessKey(reference)
                .localVariableEquals(MeetupProcess.EXPERT_ID.name(), expertId)
                .correlateAllWithResult();
        // a case begun before the experts' ids were numbers waits with the id as text
        runtime.createMessageCorrelation(MeetupProcess.MSG_EXPERT_ANSWERED)
                .processInstanceBusinessKey(reference)
                .localVariableEquals(MeetupProcess.EXPERT_ID.name(), String.valueOf(expertId))
                .correlateAllWithResult();
    }

    /** The variables for the record, and each timer the case waits on now set to its new moment. */
    @Override
    public void moved(String reference, Date remindAt, Date endsAt) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(MeetupProcess.KEY).singleResult();
        MeetupProcess.DAY_BEFORE.setOn(runtime, instance.getId(), remindAt);
        MeetupProcess.ENDS_AT.setOn(runtime, instance.getId(), endsAt);
        move(instance.getId(), MeetupProcess.TIMER_DAY_BEFORE, remindAt);
        move(instance.getId(), MeetupProcess.TIMER_MEETUP_OVER, endsAt);
    }

    private void move(String instanceId, String timerActivityId, Date to) {
        Job timer = management.createJobQuery().processInstanceId(instanceId).timers().activityId(timerActivityId)
                .singleResult();
        if (timer != null) {
            management.setJobDuedate(timer.getId(), to);
        }
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
