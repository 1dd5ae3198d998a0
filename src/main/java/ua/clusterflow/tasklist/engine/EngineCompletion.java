package ua.clusterflow.tasklist.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A task's completion as one engine command: claimed first where it waits unclaimed, and a form's field left empty
 * clearing a value the case holds but creating none. A case that never had the field's variable gets no empty one:
 * each is a row in the engine's runtime and history tables, written and removed again with the case. In one command
 * the task is read once, and the variables looked at are those the completion sets.
 */
@Component
class EngineCompletion {

    private final ProcessEngineConfigurationImpl engine;

    EngineCompletion(ProcessEngine processEngine) {
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    /** Completes the task with {@code variables}, claimed first for {@code claimFor} where that is given. */
    void complete(String taskId, String claimFor, Map<String, Object> variables) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            if (claimFor != null) {
                new ClaimTaskCmd(taskId, claimFor).execute(context);
            }
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            ExecutionEntity execution = task == null ? null : task.getExecution();
            if (execution != null) {
                variables.entrySet().removeIf(v -> v.getValue() == null && !execution.hasVariable(v.getKey()));
            }
            return new CompleteTaskCmd(taskId, variables).execute(context);
        });
    }
}
