package ua.clusterflow.cluster.engine;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ua.clusterflow.cluster.StaffTasks;

/** A staff member's tasks on the engine's task service. */
@Component
class EngineStaffTasks implements StaffTasks {

    private final TaskService tasks;

    EngineStaffTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public long count(String clusterId, String userId) {
        return tasks.createTaskQuery().tenantIdIn(clusterId).taskAssignee(userId).count();
    }

    @Override
    public List<OpenTask> open(String clusterId, String userId) {
        return tasks.createTaskQuery().tenantIdIn(clusterId).taskAssignee(userId).orderByTaskCreateTime().asc()
                .listPage(0, 1000).stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getCreateTime(), t.getDueDate())).toList();
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
