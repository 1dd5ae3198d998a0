package ua.clusterflow.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Models are deployed once for all clusters; every case runs as its cluster's tenant. A case
 * is started with the {@code clusterId} variable, a called process takes its caller's cluster,
 * and a case without a cluster is refused.
 */
@Component
public class ClusterTenantPlugin extends AbstractProcessEnginePlugin {

    public static final Variable<String> CLUSTER = Variable.text("clusterId");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new ClusterTenantIdProvider());
    }

    static class ClusterTenantIdProvider implements TenantIdProvider {

        @Override
        public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
            if (ctx.getSuperExecution() != null && ctx.getSuperExecution().getTenantId() != null) {
                return ctx.getSuperExecution().getTenantId();
            }
            Object cluster = ctx.getVariables() == null ? null : ctx.getVariables().get(CLUSTER.name());
            if (cluster == null || cluster.toString().isBlank()) {
                throw new ProcessEngineException("A case must belong to a cluster: the '" + CLUSTER
                        + "' variable is missing when starting " + ctx.getProcessDefinition().getKey());
            }
            return cluster.toString();
        }

        @Override
        public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
            return null;
        }

        @Override
        public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
            return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
        }
    }
}
