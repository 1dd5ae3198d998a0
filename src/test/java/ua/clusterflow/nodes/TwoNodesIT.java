package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ua.clusterflow.AppProcess;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.ClusterFlowApplication;
import ua.clusterflow.Processes;
import ua.clusterflow.onboarding.OnboardingService;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * Two application nodes on one PostgreSQL, as Camunda's homogeneous cluster runs them, each with its job executor and
 * outbox sender, in JVMs of their own. A wave of 1,000 onboarding cases whose review reminders fall due at once, with
 * both nodes up: every timer fires once, every mail goes out once. A second wave of 1,000, with one node killed
 * (SIGKILL) while it fires them: the other node finishes every timer, once, and every mail goes out; a mail the
 * killed node had handed to the SMTP server but not yet marked sent (at most one) goes again with the same Message-ID. The counts go
 * to {@code target/nodes/results.md}.
 */
class TwoNodesIT {

    static final int CASES_PER_WAVE = 1000;
    static final String TIMER = "Timer_ReviewReminder";
    static final Path ROOT = Path.of("target", "nodes").toAbsolutePath();
    static final Duration PATIENCE = Duration.ofMinutes(4);

    @Test
    void timersFireOnceAndMailGoesOutOnceAcrossTwoNodesAndTheSurvivorFinishesAKilledNodesWork() throws Exception {
        Files.createDirectories(ROOT);
        GreenMail smtp = OwnServers.smtp();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(ROOT.resolve("postgres"))
                .setCleanDataDirectory(true).setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofMinutes(2)).start()) {
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            List<String> common = OwnServers.arguments(postgres, smtp);

            List<String> first;
            List<String> second;
            long seeding = System.nanoTime();
            List<String> seedArguments = new ArrayList<>(common);
            seedArguments.addAll(List.of("--server.port=0", "--clusterflow.demo-data=true",
                    "--clusterflow.mail.scheduled=false", "--camunda.bpm.job-execution.enabled=false"));
            try (ConfigurableApplicationContext seed = new SpringApplicationBuilder(ClusterFlowApplication.class)
                    .run(seedArguments.toArray(String[]::new))) {
                OnboardingService onboarding = seed.getBean(OnboardingService.class);
                first = applications(onboarding, 0);
                second = applications(onboarding, CASES_PER_WAVE);
            }
            // the applications' own confirmations are not what this test counts: the waves' reminders are
            jdbc.sql("delete from mail_outbox").update();
            double seedSeconds = seconds(seeding);

            AppProcess nodeA = node("node-a", common);
            AppProcess nodeB = node("node-b", common);
            nodeA.awaitReady();
            nodeB.awaitReady();
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("seedSeconds", seedSeconds);
            try {
                // wave 1: both nodes up
                long started = System.nanoTime();
                assertThat(makeDue(jdbc, first)).isEqualTo(CASES_PER_WAVE);
                await("the first wave's timers", () -> timersLeft(jdbc, first) == 0);
                results.put("wave1TimersSeconds", seconds(started));
                await("the first wave's mail", () -> done(jdbc, first));
                results.put("wave1Seconds", seconds(started));
                Wave one = wave(jdbc, smtp, first);
                assertThat(one.reminded()).as("every timer of the first wave fired once").isEqualTo(CASES_PER_WAVE);
                assertThat(one.remindedTwice()).isZero();
                assertThat(one.firedBy()).as("both nodes fired timers").containsKeys("node-a", "node-b");
                assertThat(one.jobsSucceededTwice()).isZero();
                assertThat(one.mailsUnsent()).isZero();
                assertThat(one.received()).as("every mail once").isEqualTo(one.rowsSent());
                assertThat(one.duplicates()).isZero();
                results.put("wave1", one);

                // wave 2: node B killed once it fires timers of the wave
                long before = smtp.getReceivedMessages().length;
                started = System.nanoTime();
                assertThat(makeDue(jdbc, second)).isEqualTo(CASES_PER_WAVE);
                await("node B at work on the second wave", () -> firedBy(jdbc, second, "node-b") >= 20);
                nodeB.kill();
                long remindedAtKill = reminded(jdbc, second);
                await("the rest of the second wave's timers on node A alone", () -> timersLeft(jdbc, second) == 0);
                results.put("wave2TimersSeconds", seconds(started));
                await("the rest of the second wave's mail on node A alone", () -> done(jdbc, second));
                results.put("wave2Seconds", seconds(started));
                Wave two = wave(jdbc, smtp, second);
                assertThat(two.reminded()).as("every timer of the second wave fired once").isEqualTo(CASES_PER_WAVE);
                assertThat(two.remindedTwice()).isZero();
                assertThat(two.jobsSucceededTwice()).isZero();
                assertThat(two.firedBy().get("node-a")).as("node A finished the work").isPositive();
                assertThat(two.firedBy().get("node-b")).as("node B had fired some before it was killed").isPositive();
                assertThat(two.mailsUnsent()).isZero();
                assertThat(two.distinctReceived()).as("every mail arrived").isEqualTo(two.rowsSent());
                assertThat(two.duplicates()).as("only the mail in flight at the kill went twice, with its Message-ID")
                        .isLessThanOrEqualTo(1);
                results.put("wave2", two);
                results.put("remindedWhenNodeBWasKilled", remindedAtKill);
                results.put("mailsReceivedInWave2", smtp.getReceivedMessages().length - before);
            } finally {
                nodeA.stop();
                if (nodeB.isAlive()) {
                    nodeB.stop();
                }
                smtp.stop();
            }
            OwnServers.writeResults(ROOT, results);
        }
    }

    /** Counts of one wave, read back from the database and the SMTP server. */
    record Wave(long reminded, long remindedTwice, Map<String, Long> firedBy, long jobsSucceededTwice,
                long rowsSent, long mailsUnsent, long received, long distinctReceived, long duplicates) {
    }

    private static AppProcess node(String name, List<String> common) throws Exception {
        int port = Processes.freePort();
        List<String> arguments = new ArrayList<>(common);
        arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        return AppProcess.launch(port, ROOT.resolve(name + ".log"), arguments);
    }

    /**
     * A wave of onboarding applications in Kharkiv, each waiting for review with its reminder five days out, sent by
     * four applicants at a time as the public form would take them.
     */
    private static List<String> applications(OnboardingService onboarding, int offset) throws Exception {
        ExecutorService applicants = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = offset; i < offset + CASES_PER_WAVE; i++) {
                String first7 = String.valueOf(4_000_000 + i);
                String edrpou = first7 + Edrpou.checkDigit(first7);
                FormSubmission form = FormSubmission.ofValues(
                        CaseSteps.applicationValues("ТОВ «Вузол " + i + "»", edrpou, "node-" + i + "@example.com"));
                sent.add(applicants.submit(() -> onboarding.apply("kharkiv", UUID.randomUUID().toString(), form,
                        "uk", null).reference()));
            }
            List<String> references = new ArrayList<>();
            for (Future<String> reference : sent) {
                references.add(reference.get());
            }
            return references;
        } finally {
            applicants.shutdown();
        }
    }

    /** All the wave's review reminders fall due in the same moment; returns how many. */
    private static int makeDue(JdbcClient jdbc, List<String> references) {
        return jdbc.sql("""
                update act_ru_job set duedate_ = now() - interval '1 second'
                where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = :timer)
                  and process_instance_id_ in (select id_ from act_ru_execution where business_key_ in (:keys)
                                                 and parent_id_ is null)""")
                .param("timer", TIMER).param("keys", references).update();
    }

    private static boolean done(JdbcClient jdbc, List<String> references) {
        long mailsLeft = jdbc.sql("select count(*) from mail_outbox where status = 'PENDING'").query(Long.class)
                .single();
        return timersLeft(jdbc, references) == 0 && mailsLeft == 0;
    }

    private static long timersLeft(JdbcClient jdbc, List<String> references) {
        return jdbc.sql("""
                select count(*) from act_ru_job
                where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = :timer)
                  and process_instance_id_ in (select id_ from act_ru_execution where business_key_ in (:keys))""")
                .param("timer", TIMER).param("keys", references).query(Long.class).single();
    }

    private static long firedBy(JdbcClient jdbc, List<String> references, String node) {
        return jdbc.sql("""
                select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ = :timer and hostname_ = :node
                  and process_instance_id_ in (select proc_inst_id_ from act_hi_procinst where business_key_ in (:keys))""")
                .param("timer", TIMER).param("node", node).param("keys", references).query(Long.class).single();
    }

    private static long reminded(JdbcClient jdbc, List<String> references) {
        return jdbc.sql("select count(*) from case_event where action = 'reminder' and business_key in (:keys)")
                .param("keys", references).query(Long.class).single();
    }

    private static Wave wave(JdbcClient jdbc, GreenMail smtp, List<String> references) throws MessagingException {
        long reminded = jdbc.sql("""
                select count(distinct business_key) from case_event where action = 'reminder' and business_key in (:keys)""")
                .param("keys", references).query(Long.class).single();
        long remindedTwice = jdbc.sql("""
                select count(*) from (select business_key from case_event where action = 'reminder'
                  and business_key in (:keys) group by business_key having count(*) > 1) twice""")
                .param("keys", references).query(Long.class).single();
        Map<String, Long> firedBy = new LinkedHashMap<>();
        jdbc.sql("""
                select hostname_, count(*) from act_hi_job_log
                where job_state_ = 2 and act_id_ = :timer
                  and process_instance_id_ in (select proc_inst_id_ from act_hi_procinst where business_key_ in (:keys))
                group by hostname_ order by hostname_""")
                .param("timer", TIMER).param("keys", references)
                .query((rs, n) -> firedBy.put(rs.getString(1), rs.getLong(2))).list();
        long jobsSucceededTwice = jdbc.sql("""
                select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and act_id_ = :timer
                  group by job_id_ having count(*) > 1) twice""").param("timer", TIMER).query(Long.class).single();
        long rowsSent = jdbc.sql("select count(*) from mail_outbox where status = 'SENT'").query(Long.class).single();
        long unsent = jdbc.sql("select count(*) from mail_outbox where status <> 'SENT'").query(Long.class).single();
        Map<String, Long> byMessageId = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            byMessageId.merge(message.getMessageID(), 1L, Long::sum);
        }
        long received = byMessageId.values().stream().mapToLong(Long::longValue).sum();
        return new Wave(reminded, remindedTwice, firedBy, jobsSucceededTwice, rowsSent, unsent, received,
                byMessageId.size(), received - byMessageId.size());
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s", what, PATIENCE).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
