package ua.clusterflow.followup.process;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.followup.FollowUp;
import ua.clusterflow.followup.FollowUpCases;
import ua.clusterflow.followup.FollowUpService;
import ua.clusterflow.tasklist.ProcessVariables;

/** The follow-ups on the engine: {@code follow-up.bpmn} started with its owner and its moments. */
@Component
class FollowUpEngine implements FollowUpCases {

    private final RuntimeService runtime;

    FollowUpEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(FollowUp followUp, String title) {
        FollowUpService.Moments moments = FollowUpService.moments(followUp.dueOn(), AppClock.now());
        runtime.startProcessInstanceByKey(FollowUpProcess.KEY, followUp.businessKey(), Variables.createVariables()
                .putValue(ClusterTenantPlugin.CLUSTER.name(), followUp.clusterId())
                .putValue(FollowUpProcess.FOLLOW_UP_ID.name(), followUp.id())
                .putValue(FollowUpProcess.OWNER.name(), followUp.owner())
                .putValue(FollowUpProcess.REMIND_AT.name(), Date.from(moments.remindAt()))
                .putValue(FollowUpProcess.DUE_AT.name(), Date.from(moments.dueAt()))
                .putValue(ProcessVariables.CASE_TITLE.name(), title));
    }
}
