package ua.clusterflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.dashboard.ClusterRecords;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.OnboardingService;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * The data of an alliance, generated through the processes' own services and kept in the benchmark's database, so
 * later runs reuse what earlier ones made: 30 clusters of 100 member organisations carried through the onboarding,
 * applications waiting for the coordinators' review (the open tasks), and applications the coordinators rejected
 * (the finished cases, with their history).
 */
final class BenchData {

    static final int CLUSTERS = 30;
    static final int MEMBERS_PER_CLUSTER = 100;
    static final String OPEN_PREFIX = "bench-open-";
    static final String FINISHED_PREFIX = "bench-done-";
    private static final int THREADS = 3;
    private static final Logger log = LoggerFactory.getLogger(BenchData.class);
    private static final String[] CATEGORIES = {"sme", "sme", "sme", "large", "university", "research", "startup"};
    private static final String[] OFFERS = {"Роботизовані комірки для зварювання", "Програмування ПЛК і SCADA",
            "Металообробка на верстатах з ЧПК", "Випробувальна лабораторія", "Розробка цифрових двійників"};

    private final ClusterDirectory directory;
    private final OnboardingService onboarding;
    private final TaskService tasks;
    private final ClusterRecords records;
    private final JdbcClient jdbc;

    BenchData(ApplicationContext context) {
        this.directory = context.getBean(ClusterDirectory.class);
        this.onboarding = context.getBean(OnboardingService.class);
        this.tasks = context.getBean(TaskService.class);
        this.records = context.getBean(ClusterRecords.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    static String cluster(int c) {
        return String.format("bench-%02d", c);
    }

    static String coordinator(String cluster) {
        return cluster + "-coordinator";
    }

    /** The 30 clusters and their 100 members each, every one carried through the onboarding. */
    void clusters() {
        for (int c = 1; c <= CLUSTERS; c++) {
            String cluster = cluster(c);
            cluster(cluster, "Кластер " + c);
            int have = jdbc.sql("select count(*) from member_organisation where cluster_id = ?").param(cluster)
                    .query(Integer.class).single();
            for (int m = have; m < MEMBERS_PER_CLUSTER; m++) {
                Map<String, Object> values = values(cluster, 5_000_000 + c * 1000 + m, m);
                CaseSteps.onboard(onboarding, tasks, cluster, values, coordinator(cluster),
                        List.of(cluster + "-board1", cluster + "-board2"), true);
            }
            log.info("Bench cluster {} of {} has {} members", c, CLUSTERS, MEMBERS_PER_CLUSTER);
        }
    }

    /** A cluster with its coordinator, three board members, plan items and an export event, unless it is there. */
    void cluster(String cluster, String name) {
        if (directory.exists(cluster)) {
            return;
        }
        directory.createCluster(cluster, name);
        directory.createPerson(coordinator(cluster), "Координатор", name, cluster + "-c@bench.example.com", "uk",
                "bench-" + cluster);
        directory.grant(coordinator(cluster), cluster, Role.COORDINATOR);
        for (int b = 1; b <= 3; b++) {
            directory.createPerson(cluster + "-board" + b, "Правління", b + " " + name,
                    cluster + "-b" + b + "@bench.example.com", "uk", "bench-" + cluster);
            directory.grant(cluster + "-board" + b, cluster, Role.BOARD);
        }
        for (int i = 0; i < 10; i++) {
            records.addPlanItem(cluster, "Пункт " + i, "Регіональна програма", i % 3 == 0, "bench");
        }
        records.recordExport(cluster, "EVENT", "Експортний семінар", "UA", AppClock.today(), 10, "bench");
    }

    /**
     * Applications waiting for review, spread evenly over the clusters and over the last ten days, so that about half
     * of the review tasks (due five days after they open) are overdue.
     */
    void openTasks(int count) {
        generate(OPEN_PREFIX, count, 10, (n, cluster) -> apply(OPEN_PREFIX, 7_000_000 + n, n, cluster));
    }

    /** Applications carried to their end: applied, then rejected by the coordinator, spread over the last 90 days. */
    void finishedCases(int count) {
        generate(FINISHED_PREFIX, count, 90, (n, cluster) -> {
            OnboardingApplication app = apply(FINISHED_PREFIX, 6_000_000 + n, n, cluster);
            CaseSteps.complete(tasks, app.reference(), OnboardingProcess.TASK_REVIEW, coordinator(cluster),
                    Map.of(OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_REJECT,
                            OnboardingProcess.REVIEW_COMMENT.name(), "Не відповідає профілю кластера"));
        });
    }

    int count(String prefix) {
        return jdbc.sql("select count(*) from onboarding_application where submission_id like ?")
                .param(prefix + "%").query(Integer.class).single();
    }

    interface CaseMaker {
        void make(int n, String cluster);
    }

    /** Makes the cases numbered from those already there up to {@code count}, a day's share at a time. */
    private void generate(String prefix, int count, int days, CaseMaker maker) {
        int have = count(prefix);
        if (have >= count) {
            return;
        }
        long start = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            int perDay = (count + days - 1) / days;
            for (int n = have; n < count; ) {
                int day = n / perDay;
                ClockUtil.setCurrentTime(Date.from(AppClock.now().minus(Duration.ofDays(days - day))));
                int end = Math.min(count, (day + 1) * perDay);
                List<Future<?>> batch = new ArrayList<>();
                for (int i = n; i < end; i++) {
                    int number = i;
                    batch.add(pool.submit(() -> maker.make(number, cluster(1 + number % CLUSTERS))));
                }
                for (Future<?> f : batch) {
                    f.get();
                }
                ClockUtil.reset();
                n = end;
                log.info("{}: {} of {} cases, {} s", prefix, n, count, (System.currentTimeMillis() - start) / 1000);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Generating " + prefix + " failed", e);
        } finally {
            ClockUtil.reset();
            pool.shutdown();
        }
    }

    private OnboardingApplication apply(String prefix, int code, int n, String cluster) {
        return onboarding.apply(cluster, prefix + n, FormSubmission.ofValues(values(cluster, code, n)), "uk", null);
    }

    private static Map<String, Object> values(String cluster, int code, int index) {
        String first7 = String.valueOf(code);
        String edrpou = first7 + Edrpou.checkDigit(first7);
        Map<String, Object> values = CaseSteps.applicationValues("ТОВ «Учасник " + index + "» " + cluster, edrpou,
                cluster + "-" + edrpou + "@bench.example.com");
        values.put("category", CATEGORIES[index % CATEGORIES.length]);
        values.put("offers", OFFERS[index % OFFERS.length]);
        values.put("needs", OFFERS[(index + 2) % OFFERS.length]);
        return values;
    }
}
