package ua.clusterflow.tasklist;

import java.time.LocalTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.system.AppClock;
import ua.clusterflow.system.CurrentUser;

/** The task list: which tasks a person sees, filtered, searched and paged. */
@Service
public class TaskListService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final JdbcClient jdbc;
    private final StepNames stepNames;

    public TaskListService(TaskService tasks, RuntimeService runtime, RepositoryService repository,
                           CaseRepository cases, ClusterDirectory directory, JdbcClient jdbc, StepNames stepNames) {
        this.stepNames = stepNames;
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.cases = cases;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    public TaskPage list(CurrentUser user, TaskFilter filter) {
        if (user.clusterIds().isEmpty()) {
            return new TaskPage(List.of(), 0, 0, TaskFilter.PAGE_SIZE);
        }
        TaskQuery query = query(user, filter);
        if (query == null) {
            return new TaskPage(List.of(), 0, filter.page(), TaskFilter.PAGE_SIZE);
        }
        long total = query.count();
        List<Task> found = query.orderByDueDate().asc().orderByTaskPriority().desc().orderByTaskCreateTime().desc()
                .listPage(filter.page() * TaskFilter.PAGE_SIZE, TaskFilter.PAGE_SIZE);
        return new TaskPage(views(found), total, filter.page(), TaskFilter.PAGE_SIZE);
    }

    /** The processes a task can belong to, by key, for the task list's filter. */
    public List<String> processKeys() {
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().unlimitedList()
                .stream().map(ProcessDefinition::getKey).distinct().toList();
    }

    /**
     * How many tasks are this person's ({@code mine}) and how many wait unclaimed in their groups ({@code group}),
     * for the navigation on every page: one statement over the engine's tasks, as the engine's task query counts.
     */
    public Map<String, Long> counts(CurrentUser user) {
        if (user.clusterIds().isEmpty()) {
            return Map.of("mine", 0L, "group", 0L);
        }
        return jdbc.sql("""
                select count(*) filter (where t.assignee_ = :user) as mine,
                       count(*) filter (where t.assignee_ is null) as offered
                from act_ru_task t
                where t.tenant_id_ in (:clusters)
                  and (t.assignee_ = :user or (t.assignee_ is null and exists (
                        select 1 from act_ru_identitylink i where i.task_id_ = t.id_ and i.type_ = 'candidate'
                        and (i.user_id_ = :user or i.group_id_ in (:groups)))))""")
                .param("user", user.id()).param("clusters", user.clusterIds()).param("groups", groups(user))
                .query((rs, n) -> Map.of("mine", rs.getLong("mine"), "group", rs.getLong("offered"))).single();
    }

    private static List<String> groups(CurrentUser user) {
        return user.groupIds().isEmpty() ? List.of("") : user.groupIds();
    }

    /** The task if this person may see it: it is theirs, they delegated it, or it is offered to them. */
    public Optional<Task> visibleTask(CurrentUser user, String taskId) {
        if (user.clusterIds().isEmpty()) {
            return Optional.empty();
        }
        Task task = inClusters(user).taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        if (user.id().equals(task.getAssignee()) || user.id().equals(task.getOwner())) {
            return Optional.of(task);
        }
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (user.id().equals(link.getUserId()) || user.groupIds().contains(link.getGroupId()))) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    public TaskView view(Task task) {
        return views(List.of(task)).get(0);
    }

    /** Business keys of the cases that match a search by title or key, within the person's clusters. */
    private List<String> matchingCases(CurrentUser user, String search) {
        String like = "%" + search.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select business_key from case_record
                where cluster_id in (:clusters) and (lower(title) like :like or lower(business_key) like :like)
                limit 500""")
                .param("clusters", user.clusterIds()).param("like", like)
                .query(String.class).list();
    }

    private TaskQuery query(CurrentUser user, TaskFilter filter) {
        TaskQuery query = inClusters(user);
        switch (filter.view()) {
            case "mine" -> query.taskAssignee(user.id());
            case "group" -> query.taskCandidateUser(user.id());
            default -> query.or().taskAssignee(user.id()).taskOwner(user.id()).taskCandidateUser(user.id()).endOr();
        }
        if (filter.process() != null && !filter.process().isBlank()) {
            query.processDefinitionKey(filter.process());
        }
        if (filter.cluster() != null && user.belongsTo(filter.cluster())) {
            query.tenantIdIn(filter.cluster());
        }
        if ("overdue".equals(filter.due())) {
            query.dueBefore(AppClock.nowDate());
        } else if ("today".equals(filter.due())) {
            var today = AppClock.today();
            query.dueAfter(Date.from(today.atStartOfDay(AppClock.KYIV).toInstant()))
                    .dueBefore(Date.from(today.atTime(LocalTime.MAX).atZone(AppClock.KYIV).toInstant()));
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            List<String> keys = matchingCases(user, filter.search().trim());
            if (keys.isEmpty()) {
                return null;
            }
            query.processInstanceBusinessKeyIn(keys.toArray(String[]::new));
        }
        return query;
    }

    private TaskQuery inClusters(CurrentUser user) {
        return tasks.createTaskQuery().tenantIdIn(user.clusterIds().toArray(String[]::new));
    }

    private List<TaskView> views(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(instanceIds)).unlimitedList().stream()
                .collect(Collectors.toMap(ProcessInstance::getId,
                        p -> p.getBusinessKey() == null ? "" : p.getBusinessKey()));
        Map<String, ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                .processDefinitionIdIn(found.stream().map(Task::getProcessDefinitionId).distinct()
                        .toArray(String[]::new))
                .unlimitedList().stream().collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
        Map<String, String> titles = cases.titles(new HashSet<>(businessKeys.values()));
        Map<String, String> clusterNames = directory.clusters().stream()
                .collect(Collectors.toMap(c -> c.id(), c -> c.name()));
        return found.stream().map(task -> {
            String key = businessKeys.getOrDefault(task.getProcessInstanceId(), "");
            ProcessDefinition definition = definitions.get(task.getProcessDefinitionId());
            return new TaskView(task.getId(),
                    stepNames.name(task.getTaskDefinitionKey(), task.getName(), LocaleContextHolder.getLocale()), key, titles.getOrDefault(key, key),
                    definition == null ? null : definition.getKey(),
                    definition == null ? null : definition.getName(),
                    task.getTenantId(), clusterNames.getOrDefault(task.getTenantId(), task.getTenantId()),
                    task.getAssignee(), task.getAssignee() == null ? null : directory.displayName(task.getAssignee()),
                    task.getOwner(), task.getOwner() == null ? null : directory.displayName(task.getOwner()),
                    task.getDelegationState() != null && "PENDING".equals(task.getDelegationState().name()),
                    task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant(),
                    task.getPriority(), task.getDescription());
        }).toList();
    }
}
