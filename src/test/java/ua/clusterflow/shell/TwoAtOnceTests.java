package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.demo.DemoData;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/**
 * Two people, or two clicks, at the same moment, over the real port: every answer is the outcome (a redirect, or 409
 * saying who holds the task now), never a server error, and what is stored is stored once.
 */
class TwoAtOnceTests extends IntegrationTest {

    private static final int RACES = 24;

    @LocalServerPort int port;
    @Autowired ClusterDirectory directory;

    @Test
    void twoCoordinatorsClaimingOneTaskAtOnceEndWithOneHolderAndADoubleSubmitCompletesItOnce() throws Exception {
        String colleague = "second-coordinator-" + System.nanoTime() % 1_000_000;
        directory.createPerson(colleague, "Друга", "Координаторка", colleague + "@example.com", "uk", "right-password-1");
        directory.grant(colleague, "kharkiv", Role.COORDINATOR);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < RACES; i++) {
            references.add(apply("kharkiv", "ТОВ «Одночасно " + i + "»", newEdrpou(), "race-" + i + "@example.com")
                    .reference());
        }
        List<Integer> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RealDoor olena = RealDoor.from(port, "127.0.40.1"); RealDoor other = RealDoor.from(port, "127.0.40.2")) {
            olena.signIn("olena", DemoData.PASSWORD);
            other.signIn(colleague, "right-password-1");
            olena.get("/tasks");
            other.get("/tasks");
            int claimedByOlena = 0;
            for (String reference : references) {
                String taskId = task(reference, OnboardingProcess.TASK_REVIEW).getId();
                CyclicBarrier together = new CyclicBarrier(2);
                List<RealDoor.Answer> claims = both(pool, together,
                        () -> olena.post("/tasks/" + taskId + "/claim", Map.of()),
                        () -> other.post("/tasks/" + taskId + "/claim", Map.of()));
                claims.forEach(a -> answers.add(a.status()));
                String holder = tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
                assertThat(holder).isIn("olena", colleague);
                RealDoor loser = "olena".equals(holder) ? other : olena;
                assertThat(loser.get("/tasks/" + taskId).body()).as("the loser of " + reference + " is told who won")
                        .contains(directory.displayName(holder));
                claimedByOlena += "olena".equals(holder) ? 1 : 0;

                RealDoor winner = "olena".equals(holder) ? olena : other;
                Map<String, String> review = Map.of("reviewChecks", "registry", "reviewDecision", "accept");
                List<RealDoor.Answer> sent = both(pool, new CyclicBarrier(2),
                        () -> winner.post("/tasks/" + taskId, review), () -> winner.post("/tasks/" + taskId, review));
                sent.forEach(a -> answers.add(a.status()));
                assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
                        .taskDefinitionKey(OnboardingProcess.TASK_REVIEW).finished().count())
                        .as("the review of %s completed once", reference).isEqualTo(1);
            }
            assertThat(claimedByOlena).isBetween(0, RACES);
        } finally {
            pool.shutdownNow();
            directory.revoke(colleague, "kharkiv", Role.COORDINATOR);
        }
        assertThat(answers).hasSize(4 * RACES).allMatch(status -> status == 302 || status == 409);
    }

    @Test
    void theSameApplicationSentTwiceAtOnceFromOneSessionIsStoredOnceAndBothAreAnswered() throws Exception {
        long before = applications();
        List<Integer> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 11; i++) {
                try (RealDoor applicant = RealDoor.from(port, "127.0.41." + (i + 1))) {
                    applicant.get("/apply/kharkiv");
                    Map<String, String> fields = new HashMap<>();
                    CaseSteps.applicationValues("ТОВ «Подвійний клік " + i + "»", newEdrpou(), "twice-" + i
                            + "@example.com").forEach((name, value) -> fields.put(name, String.valueOf(value)));
                    fields.put("submissionId", UUID.randomUUID().toString());
                    List<RealDoor.Answer> sent = both(pool, new CyclicBarrier(2),
                            () -> applicant.post("/apply/kharkiv", fields), () -> applicant.post("/apply/kharkiv", fields));
                    sent.forEach(a -> answers.add(a.status()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(22).allMatch(status -> status == 302 || status == 409);
        assertThat(applications() - before).isEqualTo(11);
    }

    private static List<RealDoor.Answer> both(ExecutorService pool, CyclicBarrier together,
                                              Callable<RealDoor.Answer> first, Callable<RealDoor.Answer> second)
            throws Exception {
        List<Future<RealDoor.Answer>> sent = new ArrayList<>();
        for (Callable<RealDoor.Answer> request : List.of(first, second)) {
            sent.add(pool.submit(() -> {
                together.await();
                return request.call();
            }));
        }
        List<RealDoor.Answer> answers = new ArrayList<>();
        for (Future<RealDoor.Answer> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    private long applications() {
        return jdbc.sql("select count(*) from onboarding_application").query(Long.class).single();
    }
}
