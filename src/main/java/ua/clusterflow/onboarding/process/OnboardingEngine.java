package ua.clusterflow.onboarding.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import ua.clusterflow.engine.ClusterTenantPlugin;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.onboarding.OnboardingCases;

/** The onboarding cases on the engine: {@code member-onboarding.bpmn} started and messaged. */
@Component
class OnboardingEngine implements OnboardingCases {

    private final RuntimeService runtime;

    OnboardingEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(String reference, String clusterId, long applicationId, String title) {
        runtime.startProcessInstanceByKey(OnboardingProcess.KEY, reference, Variable.values()
                .and(ClusterTenantPlugin.CLUSTER, clusterId)
                .and(OnboardingProcess.APPLICATION_ID, applicationId)
                .and(OnboardingProcess.CASE_TITLE, title));
    }

    @Override
    public void amended(String reference) {
        runtime.createMessageCorrelation(OnboardingProcess.MSG_APPLICATION_AMENDED)
                .processInstanceBusinessKey(reference)
                .correlate();
    }
}
