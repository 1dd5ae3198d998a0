package ua.clusterflow.followup.process;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.engine.Variable;
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
        runtime.startProcessInstanceByKey(FollowUpProcess.KEY, followUp.businessKey(), Variable.values()
                .and(ClusterTenantPlugin.CLUSTER, followUp.clusterId())
                .and(FollowUpProcess.FOLLOW_UP_ID, followUp.id())
                .and(FollowUpProcess.OWNER, followUp.owner())
                .and(FollowUpProcess.REMIND_AT, Date.from(moments.remindAt()))
                .and(FollowUpProcess.DUE_AT, Date.from(moments.dueAt()))
                .and(ProcessVariables.CASE_TITLE, title));
    }
}
