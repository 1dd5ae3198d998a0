package ua.clusterflow.tasklist.engine;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.GenericPlans;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.OpenStep;
import ua.clusterflow.tasklist.StepNames;
import ua.clusterflow.tasklist.TaskFilter;
import ua.clusterflow.tasklist.TaskPage;
import ua.clusterflow.tasklist.TaskView;

/** The task list: which tasks a person sees, filtered, searched and paged. */
@Service
public class TaskListService {

    static final int KEYS_PER_STATEMENT = 500;

    /** Up to how many open tasks of a person a search of their task list reads their tasks rather than an index. */
    static final long FEW_TASKS = 300;

    private static final String ALL = "all";

    private final TaskService tasks;
    private final ClusterDirectory directory;
    private final JdbcClient jdbc;
    private final StepNames stepNames;
    private final GenericPlans genericPlans;
    private final LoadingCache<String, List<String>> processKeys = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).build(all -> readProcessKeys());

    public TaskListService(TaskService tasks, ClusterDirectory directory, JdbcClient jdbc, StepNames stepNames,
                           GenericPlans genericPlans) {
        this.stepNames = stepNames;
        this.genericPlans = genericPlans;
        this.tasks = tasks;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /**
     * The steps waiting in each of a page's cases of the given clusters, by business key, named in the language given:
     * one statement for every {@value #KEYS_PER_STATEMENT} cases, not a task query per row.
     */
    public Map<String, List<OpenStep>> openSteps(Collection<String> businessKeys, Collection<String> clusterIds,
                                                 Locale locale) {
        Map<String, List<OpenStep>> steps = new HashMap<>();
        List<String> keys = List.copyOf(new LinkedHashSet<>(businessKeys));
        for (int from = 0; from < keys.size() && !clusterIds.isEmpty(); from += KEYS_PER_STATEMENT) {
            jdbc.sql("""
                    select e.business_key_, t.task_def_key_, t.name_, t.assignee_ from act_ru_task t
                    join act_ru_execution e on e.id_ = t.proc_inst_id_
                    where e.business_key_ in (:keys) and t.tenant_id_ in (:clusters) order by t.create_time_, t.id_""")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT)))
                    .param("clusters", List.copyOf(clusterIds))
                    .query(rs -> {
                        String key = rs.getString("business_key_");
                        steps.computeIfAbsent(key, k -> new ArrayList<>()).add(new OpenStep(key,
                                stepNames.name(rs.getString("task_def_key_"), rs.getString("name_"), locale),
                                rs.getString("assignee_")));
                    });
        }
        return steps;
    }

    /**
     * A page of the person's tasks, with what the page shows of each (its case, process, cluster and people), in one
     * statement over the engine's tables: the same rows, order and total as the engine's task query for the person
     * and filter ({@code TaskListQueryTest} holds them to it), without its round trips for each part of a row.
     */
    public TaskPage list(CurrentUser user, TaskFilter filter) {
        return listing(user, filter).page();
    }

    /** The person's {@link #counts counts} for the navigation and a page of their tasks, read together. */
    public record Listing(Map<String, Long> counts, TaskPage page) {
    }

    /**
     * The person's counts and a page of their tasks, read with {@link GenericPlans}: the counts and a page of the
     * person's own tasks keep the plan PostgreSQL makes for a cluster of average size, where for a small cluster it
     * planned them anew on every view. A search among more tasks than {@value #FEW_TASKS} is planned for its words.
     */
    public Listing listing(CurrentUser user, TaskFilter filter) {
        return genericPlans.read(() -> {
            Map<String, Long> counts = countTasks(user);
            if (searchesCases(filter, counts)) {
                genericPlans.planForValues();
            }
            return new Listing(counts, list(user, filter, counts));
        });
    }

    private static boolean searchesCases(TaskFilter filter, Map<String, Long> counts) {
        return filter.search() != null && !filter.search().isBlank()
                && counts.getOrDefault("mine", 0L) + counts.getOrDefault("group", 0L) > FEW_TASKS;
    }

    /**
     * The same with the person's {@link #counts counts} read already (the navigation shows them): a search reads the
     * person's own tasks where they have at most {@value #FEW_TASKS}, which stays as cheap however many cases the
     * clusters have had, and case_record's trigram indexes where they have more.
     */
    public TaskPage list(CurrentUser user, TaskFilter filter, Map<String, Long> counts) {
        if (user.clusterIds().isEmpty()) {
            return new TaskPage(List.of(), 0, 0, TaskFilter.PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder("t.tenant_id_ in (:clusters)");
        Map<String, Object> params = new HashMap<>();
        params.put("clusters", filter.cluster() != null && user.belongsTo(filter.cluster())
                ? List.of(filter.cluster()) : user.clusterIds());
        params.put("user", user.id());
        params.put("groups", groups(user));
        switch (filter.view()) {
            case "mine" -> where.append(" and t.assignee_ = :user");
            case "group" -> where.append(" and ").append(OFFERED);
            default -> where.append(" and (t.assignee_ = :user or t.owner_ = :user or ").append(OFFERED).append(")");
        }
        if (filter.process() != null && !filter.process().isBlank()) {
            where.append(" and d.key_ = :process");
            params.put("process", filter.process());
        }
        if ("overdue".equals(filter.due())) {
            where.append(" and t.due_date_ < :now");
            params.put("now", Timestamp.from(AppClock.now()));
        } else if ("today".equals(filter.due())) {
            var today = AppClock.today();
            where.append(" and t.due_date_ > :dayStart and t.due_date_ < :dayEnd");
            params.put("dayStart", Timestamp.from(today.atStartOfDay(AppClock.KYIV).toInstant()));
            params.put("dayEnd", Timestamp.from(today.atTime(LocalTime.MAX).atZone(AppClock.KYIV).toInstant()));
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            if (!searchesCases(filter, counts)) {
                // the person's tasks first, then whether their case matches
                where.append(" and (lower(e.business_key_) like :like or exists (select 1 from case_record c"
                        + " where c.business_key = e.business_key_ and lower(c.title) like :like))");
            } else {
                // the cases matching the search first, from case_record's trigram indexes; then their tasks
                where.append(" and e.business_key_ in (select c.business_key from case_record c"
                        + " where lower(c.title) like :like or lower(c.business_key) like :like)");
            }
            params.put("like", "%" + filter.search().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        params.put("offset", filter.page() * TaskFilter.PAGE_SIZE);
        params.put("size", TaskFilter.PAGE_SIZE);
        long[] total = {0};
        // the conditions and the order pick the page's 25 tasks first; only those are joined to their case and cluster;
        // the order ends on the task id, so tasks alike in due date, priority and creation keep their place across pages
        String search = params.containsKey("like") ? """
                join act_ru_execution e on e.id_ = t.proc_inst_id_
                """ : "";
        List<TaskView> rows = rows(user, """
                select t.*, d.key_ as process_key, d.name_ as process_name, count(*) over () as total
                from act_ru_task t
                join act_re_procdef d on d.id_ = t.proc_def_id_
                """ + search + "where " + where + """

                order by t.due_date_ asc, t.priority_ desc, t.create_time_ desc, t.id_ asc
                limit :size offset :offset""", params, total);
        if (rows.isEmpty() && filter.page() > 0) {
            total[0] = jdbc.sql("""
                    select count(*) from act_ru_task t
                    join act_re_procdef d on d.id_ = t.proc_def_id_
                    """ + search + "where " + where).params(params).query(Long.class).single();
        }
        return new TaskPage(rows, total[0], filter.page(), TaskFilter.PAGE_SIZE);
    }

    /**
     * The tasks the statement {@code page} picks (the task's columns with its process's key and name and the total),
     * with their case, process, cluster and people, as the task list and a task's page show them.
     */
    private List<TaskView> rows(CurrentUser user, String page, Map<String, Object> params, long[] total) {
        Locale locale = LocaleContextHolder.getLocale();
        // the names of the people the rows name, each read once; the person's own as they signed in (their tasks are
        // most of the rows), where another statement, or a join, would cost the database more
        Map<String, String> names = new HashMap<>();
        names.put(user.id(), user.name());
        return jdbc.sql("with page as (" + page + ")" + """

                select p.id_, p.name_, p.task_def_key_, p.proc_def_id_, p.assignee_, p.owner_, p.delegation_,
                       p.create_time_,
                       p.due_date_, p.follow_up_date_, p.priority_, p.description_, p.tenant_id_, p.process_key,
                       p.process_name, p.total, coalesce(e.business_key_, '') as business_key, c.title,
                       c.process_key as case_process_key,
                       tn.name_ as cluster_name
                from page p
                join act_ru_execution e on e.id_ = p.proc_inst_id_
                left join case_record c on c.business_key = e.business_key_
                left join act_id_tenant tn on tn.id_ = p.tenant_id_
                order by p.due_date_ asc, p.priority_ desc, p.create_time_ desc, p.id_ asc""").params(params).query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    String key = rs.getString("business_key");
                    String assignee = rs.getString("assignee_");
                    String owner = rs.getString("owner_");
                    return new TaskView(rs.getString("id_"),
                            stepNames.name(rs.getString("task_def_key_"), rs.getString("name_"), locale), key,
                            rs.getString("title") == null ? key : rs.getString("title"),
                            rs.getString("process_key"), rs.getString("process_name"), rs.getString("tenant_id_"),
                            rs.getString("cluster_name") == null ? rs.getString("tenant_id_") : rs.getString("cluster_name"),
                            assignee, assignee == null ? null : names.computeIfAbsent(assignee, directory::displayName),
                            owner, owner == null ? null : names.computeIfAbsent(owner, directory::displayName),
                            "PENDING".equals(rs.getString("delegation_")), instant(rs.getTimestamp("create_time_")),
                            instant(rs.getTimestamp("due_date_")), instant(rs.getTimestamp("follow_up_date_")),
                            rs.getInt("priority_"), rs.getString("description_"), rs.getString("proc_def_id_"),
                            rs.getString("task_def_key_"), rs.getString("delegation_"),
                            rs.getString("case_process_key"));
                }).list();
    }

    /** The task {@code t} is offered to the person or one of their groups, whoever holds it now. */
    private static final String CANDIDATE = """
            exists (select 1 from act_ru_identitylink i where i.task_id_ = t.id_
             and i.type_ = 'candidate' and (i.user_id_ = :user or i.group_id_ in (:groups)))""";

    /** A task's row as the task list shows it, one at a time (no count of the rest). */
    private static final String VISIBLE_ROWS = """
            select t.*, d.key_ as process_key, d.name_ as process_name, 1 as total
            from act_ru_task t
            join act_re_procdef d on d.id_ = t.proc_def_id_""";

    /** In the person's clusters, and theirs, delegated by them, or offered to them. */
    private static final String VISIBLE = "t.tenant_id_ in (:clusters) and (t.assignee_ = :user or t.owner_ = :user or "
            + CANDIDATE + ")";

    /** Unclaimed and offered to the person or one of their groups: the engine's candidate-user condition. */
    private static final String OFFERED = "(t.assignee_ is null and " + CANDIDATE + ")";

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The processes a task can belong to, by key, for the task list's filter: they change only with a deployment, so
     * each node reads them at most once a minute rather than on every view of the list.
     */
    public List<String> processKeys() {
        return processKeys.get(ALL);
    }

    private List<String> readProcessKeys() {
        return jdbc.sql("select distinct key_ from act_re_procdef order by key_").query(String.class).list();
    }

    /**
     * How many tasks are this person's ({@code mine}) and how many wait unclaimed in their groups ({@code group}),
     * for the navigation on every page: one statement over the engine's tasks, as the engine's task query counts,
     * read with {@link GenericPlans}.
     */
    public Map<String, Long> counts(CurrentUser user) {
        return user.clusterIds().isEmpty() ? countTasks(user) : genericPlans.read(() -> countTasks(user));
    }

    private Map<String, Long> countTasks(CurrentUser user) {
        if (user.clusterIds().isEmpty()) {
            return Map.of("mine", 0L, "group", 0L);
        }
        return jdbc.sql("""
                select count(*) filter (where t.assignee_ = :user) as mine,
                       count(*) filter (where t.assignee_ is null) as offered
                from act_ru_task t
                where t.tenant_id_ in (:clusters)
                  and (t.assignee_ = :user or\s""" + OFFERED + ")")
                .param("user", user.id()).param("clusters", user.clusterIds()).param("groups", groups(user))
                .query((rs, n) -> Map.of("mine", rs.getLong("mine"), "group", rs.getLong("offered"))).single();
    }

    private static List<String> groups(CurrentUser user) {
        return user.groupIds().isEmpty() ? List.of("") : user.groupIds();
    }

    /**
     * The task if this person may see it: it is theirs, they delegated it, or it is offered to them: its {@link #task}
     * and one statement for the offer.
     */
    public Optional<Task> visibleTask(CurrentUser user, String taskId) {
        if (user.clusterIds().isEmpty()) {
            return Optional.empty();
        }
        Task task = task(taskId).orElse(null);
        if (task == null || !user.clusterIds().contains(task.getTenantId())) {
            return Optional.empty();
        }
        if (user.id().equals(task.getAssignee()) || user.id().equals(task.getOwner())) {
            return Optional.of(task);
        }
        boolean offered = jdbc.sql("select count(*) from act_ru_task t where t.id_ = :task and " + CANDIDATE)
                .param("task", taskId).param("user", user.id()).param("groups", groups(user))
                .query(Long.class).single() > 0;
        return offered ? Optional.of(task) : Optional.empty();
    }

    /**
     * The open task, whoever may see it: the engine's native query, whose statement is fixed, where its task query
     * builds one from hundreds of optional conditions on every call.
     */
    public Optional<Task> task(String taskId) {
        return Optional.ofNullable(tasks.createNativeTaskQuery().sql("select * from act_ru_task where id_ = #{id}")
                .parameter("id", taskId).singleResult());
    }

    /**
     * What a task's page shows of a task this person may see (theirs, delegated by them, or offered to them even when
     * a colleague holds it now), as its row in the task list shows it, in one statement; empty when they may not see
     * it, or it has ended.
     */
    public Optional<TaskView> visibleView(CurrentUser user, String taskId) {
        if (user.clusterIds().isEmpty()) {
            return Optional.empty();
        }
        List<TaskView> found = rows(user, VISIBLE_ROWS + " where t.id_ = :id and " + VISIBLE,
                Map.of("id", taskId, "clusters", user.clusterIds(), "user", user.id(), "groups", groups(user)), new long[1]);
        return found.stream().findFirst();
    }

    /** The case's open tasks this person may see, as their rows in the task list. */
    public List<TaskView> visibleViewsOfCase(CurrentUser user, String businessKey) {
        if (user.clusterIds().isEmpty()) {
            return List.of();
        }
        return rows(user, VISIBLE_ROWS + " join act_ru_execution e on e.id_ = t.proc_inst_id_"
                        + " where e.business_key_ = :key and " + VISIBLE,
                Map.of("key", businessKey, "clusters", user.clusterIds(), "user", user.id(), "groups", groups(user)),
                new long[1]);
    }
}
