package ua.clusterflow.cluster.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ua.clusterflow.cluster.StaffTasks;

/** A staff member's tasks on the engine's task service. */
@Component
class EngineStaffTasks implements StaffTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;

    EngineStaffTasks(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Override
    public long count(String clusterId, String userId) {
        return tasks.createTaskQuery().tenantIdIn(clusterId).taskAssignee(userId).count();
    }

    @Override
    public List<OpenTask> open(String clusterId, String userId) {
        List<Task> open = tasks.createTaskQuery().tenantIdIn(clusterId).taskAssignee(userId).orderByTaskCreateTime()
                .asc().listPage(0, 1000);
        Map<String, String> cases = new HashMap<>();
        if (!open.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(open.stream().map(Task::getProcessInstanceId)
                    .collect(Collectors.toSet())).listPage(0, open.size())
                    .forEach(p -> cases.put(p.getId(), p.getBusinessKey()));
        }
        return open.stream().map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                cases.get(t.getProcessInstanceId()), t.getCreateTime(), t.getDueDate())).toList();
    }

    @Override
    public int handOver(String clusterId, String userId, String colleague) {
        int handed = 0;
        // in pages of the engine's largest result
        for (List<Task> open = page(clusterId, userId); !open.isEmpty(); open = page(clusterId, userId)) {
            for (Task task : open) {
                tasks.setAssignee(task.getId(), colleague);
            }
            handed += open.size();
        }
        return handed;
    }

    private List<Task> page(String clusterId, String userId) {
        return tasks.createTaskQuery().tenantIdIn(clusterId).taskAssignee(userId).listPage(0, 1000);
    }
}
