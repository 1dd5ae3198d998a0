package ua.clusterflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.OnboardingService;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.shell.IdentityAuthenticationProvider;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.TaskFilter;

/**
 * The task list at the scale of an alliance, and how it grows with history. Two databases, both generated once
 * through the processes' own services and reused: {@code bench-data/open} holds the 30 clusters, their 3,000 member
 * organisations and 20,000 open review tasks; {@code bench-data/postgres} holds the same and 100,000 finished cases.
 * On each it measures a coordinator's first task-list page and a filtered page (overdue, one process) three ways:
 * the app's page (server time, through the whole filter chain and template), the same rows through Camunda's task
 * query, and the one SQL query that returns them; and the two steps of a case, applying and completing a task.
 */
class TaskListBenchmark {

    static final int OPEN_TASKS = 20_000;
    static final int FINISHED_CASES = 100_000;
    static final int ROUNDS = 200;
    static final int CASES_MEASURED = 100;
    private static final Logger log = LoggerFactory.getLogger(TaskListBenchmark.class);

    /** The page's rows in one statement: the task, its case and process, ordered and paged as the page is. */
    static final String PAGE_SQL = """
            select t.id_, t.name_, t.task_def_key_, t.assignee_, t.owner_, t.delegation_, t.create_time_,
                   t.due_date_, t.follow_up_date_, t.priority_, t.description_, t.tenant_id_, e.business_key_,
                   d.key_ as process_key, d.name_ as process_name, c.title, cl.name_ as cluster_name,
                   count(*) over () as total
            from act_ru_task t
            join act_ru_execution e on e.id_ = t.proc_inst_id_
            join act_re_procdef d on d.id_ = t.proc_def_id_
            left join case_record c on c.business_key = e.business_key_
            left join act_id_tenant cl on cl.id_ = t.tenant_id_
            where t.tenant_id_ in (:clusters)
              and (t.assignee_ = :user or t.owner_ = :user
                   or exists (select 1 from act_ru_identitylink i where i.task_id_ = t.id_ and i.type_ = 'candidate'
                              and (i.user_id_ = :user or i.group_id_ in (:groups))))
              and (:process = '' or d.key_ = :process)
              and (:overdue = false or t.due_date_ < :now)
            order by t.due_date_ asc, t.priority_ desc, t.create_time_ desc, t.id_ asc
            limit 25""";

    @Test
    void theTaskListAtTheScaleOfAnAlliance() throws Exception {
        BenchDatabases.prepare(OPEN_TASKS, FINISHED_CASES);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("openDatabase", measure(BenchDatabases.OPEN));
        results.put("historyDatabase", measure(BenchDatabases.HISTORY));
        BenchReport.write("tasklist", results, TaskListBenchmark::markdown);
        assertThat(results).containsKeys("openDatabase", "historyDatabase");
    }

    private Map<String, Object> measure(Path database) throws Exception {
        try (ConfigurableApplicationContext context = BenchDatabases.start(database)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                    .apply(springSecurity()).build();
            TaskService tasks = context.getBean(TaskService.class);
            IdentityService identity = context.getBean(IdentityService.class);
            CurrentUser coordinator = context.getBean(IdentityAuthenticationProvider.class)
                    .load(BenchData.coordinator(BenchData.cluster(1)));
            RequestPostProcessor as = authentication(
                    new UsernamePasswordAuthenticationToken(coordinator, null, coordinator.authorities()));

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("openTasks", jdbc.sql("select count(*) from act_ru_task").query(Long.class).single());
            figures.put("finishedCases", jdbc.sql("select count(*) from act_hi_procinst where end_time_ is not null")
                    .query(Long.class).single());
            figures.put("historyRows", jdbc.sql("""
                    select (select count(*) from act_hi_actinst) + (select count(*) from act_hi_taskinst)
                         + (select count(*) from act_hi_varinst) + (select count(*) from act_hi_detail)
                         + (select count(*) from act_hi_identitylink)""").query(Long.class).single());
            figures.put("databaseMegabytes", jdbc.sql("select pg_database_size(current_database()) / 1048576")
                    .query(Long.class).single());

            for (boolean filtered : new boolean[] {false, true}) {
                String name = filtered ? "filteredPage" : "firstPage";
                Map<String, Object> page = new LinkedHashMap<>();
                int rows = sqlRows(jdbc, coordinator, filtered).size();
                page.put("rows", rows);
                page.put("app", Timings.of(ROUNDS, () -> mvc.perform(get("/tasks").with(as)
                        .param("process", filtered ? OnboardingProcess.KEY : "")
                        .param("due", filtered ? "overdue" : "")).andExpect(status().isOk())));
                page.put("engine", Timings.of(ROUNDS, () -> {
                    identity.setAuthentication(coordinator.id(), coordinator.groupIds(), coordinator.clusterIds());
                    try {
                        TaskQuery query = engineQuery(tasks, coordinator, filtered);
                        query.count();
                        List<Task> found = query.orderByDueDate().asc().orderByTaskPriority().desc()
                                .orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, TaskFilter.PAGE_SIZE);
                        assertThat(found).hasSize(rows);
                    } finally {
                        identity.clearAuthentication();
                    }
                }));
                page.put("sql", Timings.of(ROUNDS, () -> assertThat(sqlRows(jdbc, coordinator, filtered))
                        .hasSize(rows)));
                page.put("appToEngine", Timings.ratio(page, "app", "engine"));
                page.put("appToSql", Timings.ratio(page, "app", "sql"));
                figures.put(name, page);
            }
            figures.putAll(caseSteps(context));
            return figures;
        }
    }

    private static TaskQuery engineQuery(TaskService tasks, CurrentUser user, boolean filtered) {
        TaskQuery query = tasks.createTaskQuery().tenantIdIn(user.clusterIds().toArray(String[]::new))
                .or().taskAssignee(user.id()).taskOwner(user.id()).taskCandidateUser(user.id()).endOr();
        if (filtered) {
            query.processDefinitionKey(OnboardingProcess.KEY).dueBefore(AppClock.nowDate());
        }
        return query;
    }

    private static List<Map<String, Object>> sqlRows(JdbcClient jdbc, CurrentUser user, boolean filtered) {
        return jdbc.sql(PAGE_SQL).param("clusters", user.clusterIds()).param("user", user.id())
                .param("groups", user.groupIds().isEmpty() ? List.of("") : user.groupIds())
                .param("process", filtered ? OnboardingProcess.KEY : "").param("overdue", filtered)
                .param("now", new Timestamp(AppClock.nowDate().getTime())).query().listOfRows();
    }

    /** Applying and completing the review, each timed over {@code CASES_MEASURED} new cases of one cluster. */
    private static Map<String, Object> caseSteps(ConfigurableApplicationContext context) throws Exception {
        OnboardingService onboarding = context.getBean(OnboardingService.class);
        TaskService tasks = context.getBean(TaskService.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        String cluster = BenchData.cluster(2);
        int first = jdbc.sql("select count(*) from onboarding_application where submission_id like 'bench-step-%'")
                .query(Integer.class).single();
        List<OnboardingApplication> applied = new ArrayList<>();
        int[] next = {first};
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("applyStep", Timings.of(CASES_MEASURED, () -> {
            int n = next[0]++;
            String first7 = String.valueOf(8_000_000 + n);
            applied.add(onboarding.apply(cluster, "bench-step-" + n, FormSubmission.ofValues(
                    CaseSteps.applicationValues("ТОВ «Крок " + n + "»", first7 + Edrpou.checkDigit(first7),
                            "step-" + n + "@bench.example.com")), "uk", null));
        }));
        int[] done = {0};
        figures.put("completeStep", Timings.of(CASES_MEASURED, () -> CaseSteps.complete(tasks,
                applied.get(done[0]++).reference(), OnboardingProcess.TASK_REVIEW, BenchData.coordinator(cluster),
                Map.of(OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_REJECT,
                        OnboardingProcess.REVIEW_COMMENT.name(), "Замір"))));
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> results) {
        Map<String, Object> open = (Map<String, Object>) results.get("openDatabase");
        Map<String, Object> history = (Map<String, Object>) results.get("historyDatabase");
        StringBuilder md = new StringBuilder("# Task list benchmark\n\n");
        md.append("| database | open tasks | finished cases | history rows | size MB |\n|---|---|---|---|---|\n");
        for (var e : List.of(Map.entry("open", open), Map.entry("history", history))) {
            md.append(String.format("| %s | %s | %s | %s | %s |%n", e.getKey(), e.getValue().get("openTasks"),
                    e.getValue().get("finishedCases"), e.getValue().get("historyRows"),
                    e.getValue().get("databaseMegabytes")));
        }
        md.append("\nServer time in ms (p50 / p95 / p99) of a coordinator's page of 25 rows, ")
                .append("the same rows through Camunda's task query and through one SQL query:\n\n")
                .append("| page | database | rows | app | engine API | SQL | app/engine p95 | app/SQL p95 |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String page : List.of("firstPage", "filteredPage")) {
            for (var e : List.of(Map.entry("open", open), Map.entry("history", history))) {
                Map<String, Object> f = (Map<String, Object>) e.getValue().get(page);
                md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s |%n", page, e.getKey(), f.get("rows"),
                        Timings.cell(f.get("app")), Timings.cell(f.get("engine")), Timings.cell(f.get("sql")),
                        f.get("appToEngine"), f.get("appToSql")));
            }
        }
        md.append("\nSteps of a case in ms (p50 / p95 / p99), and growth with 100,000 finished cases (p95 history / "
                + "p95 open):\n\n| measure | open | history | growth |\n|---|---|---|---|\n");
        for (String[] m : new String[][] {{"firstPage", "app"}, {"filteredPage", "app"}, {"applyStep", null},
                {"completeStep", null}}) {
            Object a = m[1] == null ? open.get(m[0]) : ((Map<String, Object>) open.get(m[0])).get(m[1]);
            Object b = m[1] == null ? history.get(m[0]) : ((Map<String, Object>) history.get(m[0])).get(m[1]);
            double growth = Timings.p95(b) / Math.max(0.1, Timings.p95(a));
            md.append(String.format("| %s | %s | %s | %.2f |%n", m[0], Timings.cell(a), Timings.cell(b), growth));
            results.put("growth" + Character.toUpperCase(m[0].charAt(0)) + m[0].substring(1),
                    Math.round(growth * 100) / 100.0);
        }
        return md.toString();
    }
}
