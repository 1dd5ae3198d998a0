package ua.clusterflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine keeps the history the operators' Cockpit and the case pages read, at level {@code full}: cases, steps,
 * tasks, variables (their last value), decisions, incidents, the operation log and the job log (which node ran a
 * timer or a queued step, and how often it failed). It does not store two kinds of rows that only the Enterprise
 * edition's history views show, and that the application's case events already tell: every intermediate value of
 * every variable ({@code ACT_HI_DETAIL}) and each candidate and assignee change ({@code ACT_HI_IDENTITYLINK}). Those
 * were a fifth of the rows an onboarding case wrote (96 of 446), each written twice: once as it happened and again
 * with its removal time when the case ended.
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

    /** The engine's own database history handler, less the two kinds of rows named above. */
    static class CaseHistoryEventHandler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricIdentityLinkLogEventEntity) {
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
