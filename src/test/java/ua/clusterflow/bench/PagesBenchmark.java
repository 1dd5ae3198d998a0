package ua.clusterflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.board.MotionService;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.shell.IdentityAuthenticationProvider;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * Every page people open daily, at the scale of an alliance (the task list benchmark's database with the 100,000
 * finished cases): p50/p95/p99 server time through security, controller and template, as MockMvc runs them, for a
 * coordinator of one of the 30 clusters, each beside its goal. The measured cluster gets its board's open motions and
 * its meetups once, through their own services, where the generated data has none. Writes {@code target/bench/pages.md}
 * and {@code .json}; on a database without the bench clusters (with {@code -Dbench.generate=false} on an empty one) it
 * measures the demo's Kharkiv instead.
 */
class PagesBenchmark {

    static final int ROUNDS = 100;
    static final int MOTIONS = 20;
    static final int MEETUPS = 20;
    static final double PAGE_GOAL = 50;
    static final double DASHBOARD_GOAL = 100;
    static final double ALLIANCE_GOAL = 250;

    @Test
    void everyDailyPageAtTheScaleOfAnAlliance() throws Exception {
        BenchDatabases.prepare(TaskListBenchmark.OPEN_TASKS, TaskListBenchmark.FINISHED_CASES);
        Map<String, Object> results = new LinkedHashMap<>();
        try (ConfigurableApplicationContext context = BenchDatabases.start(BenchDatabases.HISTORY)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            boolean atScale = jdbc.sql("select count(*) from act_id_tenant where id_ = ?").param(BenchData.cluster(1))
                    .query(Long.class).single() > 0;
            String cluster = atScale ? BenchData.cluster(1) : "kharkiv";
            String coordinatorId = atScale ? BenchData.coordinator(cluster) : "olena";
            String boardMemberId = atScale ? cluster + "-board1" : "petro";
            IdentityAuthenticationProvider people = context.getBean(IdentityAuthenticationProvider.class);
            pageData(context, cluster, people.load(coordinatorId));
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
            RequestPostProcessor coordinator = as(people.load(coordinatorId));
            RequestPostProcessor boardMember = as(people.load(boardMemberId));
            RequestPostProcessor admin = as(people.load("admin"));

            results.put("cluster", cluster);
            results.put("openTasks", jdbc.sql("select count(*) from act_ru_task").query(Long.class).single());
            results.put("finishedCases", jdbc.sql("select count(*) from act_hi_procinst where end_time_ is not null")
                    .query(Long.class).single());
            results.put("clusters", jdbc.sql("select count(*) from act_id_tenant").query(Long.class).single());
            results.put("memberOrganisations", jdbc.sql("select count(*) from member_organisation").query(Long.class)
                    .single());
            String task = jdbc.sql("""
                    select t.id_ from act_ru_task t join act_ru_identitylink i on i.task_id_ = t.id_
                    where t.tenant_id_ = ? and i.group_id_ = ? order by t.create_time_ limit 1""")
                    .params(cluster, cluster + "-coordinator").query(String.class).single();
            String caseKey = jdbc.sql("select business_key from case_record where cluster_id = ? order by created_at limit 1")
                    .param(cluster).query(String.class).single();
            String vote = jdbc.sql("""
                    select p.id_ from act_ru_execution p join act_re_procdef d on d.id_ = p.proc_def_id_
                    where p.tenant_id_ = ? and d.key_ = 'BoardVote' and p.parent_id_ is null limit 1""")
                    .param(cluster).query(String.class).single();
            // a meetup's public page once it is announced; before that its case page is where people follow it
            String meetup = jdbc.sql("""
                    select case when status = 'OPEN' then '/meetups/' else '/cases/' end || reference from meetup
                    where cluster_id = ? order by status = 'OPEN' desc, id limit 1""")
                    .param(cluster).query(String.class).single();
            String search = jdbc.sql("select split_part(offers, ' ', 1) from member_organisation where cluster_id = ? "
                    + "and coalesce(offers, '') <> '' limit 1").param(cluster).query(String.class).single();

            long organisation = jdbc.sql("select id from member_organisation where cluster_id = ? order by id limit 1")
                    .param(cluster).query(Long.class).single();

            Map<String, Object> pages = new LinkedHashMap<>();
            measure(pages, "task page", PAGE_GOAL, mvc, () -> get("/tasks/" + task), coordinator);
            measure(pages, "case page", PAGE_GOAL, mvc, () -> get("/cases/" + caseKey), coordinator);
            measure(pages, "case diagram data", PAGE_GOAL, mvc, () -> get("/cases/" + caseKey + "/diagram"), coordinator);
            measure(pages, "case list", PAGE_GOAL, mvc, () -> get("/cases"), coordinator);
            measure(pages, "board page", PAGE_GOAL, mvc, () -> get("/board"), boardMember);
            measure(pages, "a vote", PAGE_GOAL, mvc, () -> get("/board/votes/" + vote), boardMember);
            measure(pages, "grants list", PAGE_GOAL, mvc, () -> get("/grants"), coordinator);
            measure(pages, "meetups list", PAGE_GOAL, mvc, () -> get("/meetups"), coordinator);
            measure(pages, "a meetup's page", PAGE_GOAL, mvc, () -> get(meetup), coordinator);
            measure(pages, "directory with a search", PAGE_GOAL, mvc, () -> get("/directory").param("q", search), coordinator);
            measure(pages, "member register", PAGE_GOAL, mvc, () -> get("/members").param("cluster", cluster), coordinator);
            measure(pages, "follow-ups", PAGE_GOAL, mvc, () -> get("/follow-ups"), coordinator);
            measure(pages, "a member's page", PAGE_GOAL, mvc, () -> get("/members/" + organisation), coordinator);
            measure(pages, "debtors", PAGE_GOAL, mvc, () -> get("/members/debtors").param("cluster", cluster),
                    coordinator);
            measure(pages, "bank statements", PAGE_GOAL, mvc, () -> get("/books/statements").param("cluster", cluster),
                    coordinator);
            measure(pages, "audit trail", PAGE_GOAL, mvc, () -> get("/audit").param("cluster", cluster), boardMember);
            measure(pages, "audit trail searched by a name", PAGE_GOAL, mvc,
                    () -> get("/audit").param("cluster", cluster).param("person", search), coordinator);
            measure(pages, "dashboard", DASHBOARD_GOAL, mvc, () -> get("/dashboard").param("cluster", cluster), coordinator);
            measure(pages, "alliance view", ALLIANCE_GOAL, mvc, () -> get("/dashboard/alliance"), admin);
            results.put("pages", pages);
        }
        BenchReport.write("pages", results, PagesBenchmark::markdown);
        assertThat(results).containsKey("pages");
    }

    /** The cluster's board with open motions and its meetups, made once through their services. */
    private static void pageData(ConfigurableApplicationContext context, String cluster, CurrentUser coordinator) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        MotionService motions = context.getBean(MotionService.class);
        int haveMotions = jdbc.sql("select count(*) from board_motion where cluster_id = ?").param(cluster)
                .query(Integer.class).single();
        for (int m = haveMotions; m < MOTIONS; m++) {
            Map<String, Object> typed = new HashMap<>();
            typed.put("question", "Питання правлінню " + (m + 1));
            typed.put("motionText", "Пропозиція " + (m + 1));
            typed.put("closesOn", AppClock.today().plusDays(30));
            typed.put("closesAtTime", "18:00");
            typed.put("quorumPercent", 51);
            typed.put("publicOutcome", false);
            motions.propose(coordinator, cluster, FormSubmission.ofValues(typed));
        }
        MeetupService meetups = context.getBean(MeetupService.class);
        int haveMeetups = jdbc.sql("select count(*) from meetup where cluster_id = ?").param(cluster)
                .query(Integer.class).single();
        for (int m = haveMeetups; m < MEETUPS; m++) {
            meetups.propose(cluster, coordinator.id(), FormSubmission.ofValues(
                    CaseSteps.meetupTopic("Тема зустрічі " + (m + 1), "Виклик " + (m + 1))));
        }
    }

    /** A page's timings beside its goal; each request made anew, as a browser sends it. */
    private static void measure(Map<String, Object> pages, String name, double goal, MockMvc mvc,
                                Supplier<MockHttpServletRequestBuilder> request, RequestPostProcessor person)
            throws Exception {
        Map<String, Object> figure = new LinkedHashMap<>(Timings.of(ROUNDS,
                () -> mvc.perform(request.get().with(person)).andExpect(status().isOk())));
        figure.put("goalP95", goal);
        figure.put("met", Timings.p95(figure) <= goal);
        pages.put(name, figure);
    }

    private static RequestPostProcessor as(CurrentUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(user, null, user.authorities()));
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("# Every daily page at the scale of an alliance\n\n");
        md.append(String.format(Locale.ROOT, "Cluster measured: %s; %s clusters, %s member organisations, %s open tasks, "
                        + "%s finished cases. Server time through security, controller and template (MockMvc), %d "
                        + "rounds after %d unmeasured.%n%n", results.get("cluster"), results.get("clusters"),
                results.get("memberOrganisations"), results.get("openTasks"), results.get("finishedCases"), ROUNDS,
                Timings.WARM_UP));
        md.append("| page | p50 / p95 / p99 ms | goal p95 | |\n|---|---|---|---|\n");
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, Object> page : ((Map<String, Object>) results.get("pages")).entrySet()) {
            Map<String, Object> figure = (Map<String, Object>) page.getValue();
            boolean met = (Boolean) figure.get("met");
            if (!met) {
                missed.add(page.getKey());
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | ≤ %.0f ms | %s |%n", page.getKey(), Timings.cell(figure),
                    (Double) figure.get("goalP95"), met ? "met" : "missed"));
        }
        md.append(missed.isEmpty() ? "\nEvery page meets its goal.\n" : "\nMissed: " + String.join(", ", missed) + ".\n");
        return md.toString();
    }
}
