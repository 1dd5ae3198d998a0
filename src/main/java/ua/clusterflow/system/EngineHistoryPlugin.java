package ua.clusterflow.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine keeps the history the operators' Cockpit and the case pages read, at level {@code full}: cases, steps,
 * tasks, variables (their last value), decisions, incidents and the operation log. It does not store three kinds of
 * rows that only the Enterprise edition's history views show, and that the application's case events already tell:
 * every intermediate value of every variable ({@code ACT_HI_DETAIL}), each job's creation and end
 * ({@code ACT_HI_JOB_LOG}) and each candidate and assignee change ({@code ACT_HI_IDENTITYLINK}). Those were a quarter
 * of the rows an onboarding case wrote (112 of 446), each written twice: once as it happened and again with its
 * removal time when the case ended.
 */
@Component
public class EngineHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(0, new CaseHistoryEventHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        // the handler above takes the default one's place
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** The engine's own database history handler, less the three kinds of rows named above. */
    static class CaseHistoryEventHandler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent || event instanceof HistoricIdentityLinkLogEventEntity) {
                return;
            }
            super.handleEvent(event);
        }

        /** A variable's history keeps its last value ({@code ACT_HI_VARINST}), not each value it had on the way. */
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
