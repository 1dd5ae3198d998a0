package ua.clusterflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.meetup.process.MeetupProcess;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.OnboardingService;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * Steps of a case as the people in it take them, through the engine's task service: shared by the tests and the
 * benchmarks, which run in Spring contexts of their own.
 */
public final class CaseSteps {

    private CaseSteps() {
    }

    /** A complete, valid onboarding application of one organisation. */
    public static Map<String, Object> applicationValues(String name, String edrpou, String email) {
        Map<String, Object> values = new HashMap<>();
        values.put("organisationName", name);
        values.put("edrpou", edrpou);
        values.put("category", "sme");
        values.put("sectors", "automation");
        values.put("headcount", 30L);
        values.put("region", "Харківська");
        values.put("contactName", "Тетяна Бойко");
        values.put("contactEmail", email);
        values.put("contactPhone", "+380501112233");
        values.put("offers", "Роботизовані комірки для зварювання");
        values.put("needs", "Партнери для проєктів ЄС");
        values.put("consent", true);
        return values;
    }

    /** The one open task of an activity in a case, claimed by {@code userId} and completed. */
    /** A meetup topic's proposal form: an offline meetup within the next 10 to 30 days. */
    public static Map<String, Object> meetupTopic(String segment, String challenge) {
        Map<String, Object> values = new HashMap<>();
        values.put("segment", segment);
        values.put("challenge", challenge);
        values.put("format", "offline");
        values.put("windowFrom", AppClock.today().plusDays(10));
        values.put("windowTo", AppClock.today().plusDays(30));
        return values;
    }

    public static void complete(TaskService tasks, String businessKey, String activityId, String userId,
                                Map<String, Object> variables) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(activityId).list();
        assertThat(found).as("open task %s of %s", activityId, businessKey).hasSize(1);
        tasks.claim(found.get(0).getId(), userId);
        tasks.complete(found.get(0).getId(), variables);
    }

    /** The coordinator shortlists three experts, one of each kind, named {@code name} 0 to 2. */
    public static void shortlistExperts(TaskService tasks, String reference, String name, String mailPrefix) {
        Map<String, Object> experts = new HashMap<>();
        List<String> categories = List.of("business", "university", "it");
        for (int i = 0; i < 3; i++) {
            experts.put("expert" + (i + 1) + "Name", name + " " + i);
            experts.put("expert" + (i + 1) + "Email", mailPrefix + i + "-" + reference + "@example.com");
            experts.put("expert" + (i + 1) + "Category", categories.get(i));
        }
        complete(tasks, reference, MeetupProcess.TASK_SHORTLIST, "olena", experts);
    }

    /** A board member's ballot in the board vote of a case. */
    public static void castBallot(TaskService tasks, String businessKey, String voter, String choice, String comment) {
        Task ballot = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).taskAssignee(voter).singleResult();
        assertThat(ballot).as("ballot of %s", voter).isNotNull();
        Map<String, Object> variables = new HashMap<>();
        variables.put(BoardVoteProcess.VOTE.name(), choice);
        variables.put(BoardVoteProcess.VOTE_COMMENT.name(), comment);
        tasks.complete(ballot.getId(), variables);
    }

    /**
     * One organisation through the whole onboarding: it applies, the coordinator accepts it, the voters approve,
     * and the coordinator records the fee paid or the payment cancelled.
     */
    public static OnboardingApplication onboard(OnboardingService onboarding, TaskService tasks, String cluster,
                                                Map<String, Object> values, String coordinator, List<String> voters,
                                                boolean pays) {
        OnboardingApplication app = onboarding.apply(cluster, UUID.randomUUID().toString(),
                FormSubmission.ofValues(values), "uk", null);
        complete(tasks, app.reference(), OnboardingProcess.TASK_REVIEW, coordinator,
                Map.of(OnboardingProcess.REVIEW_DECISION, "accept"));
        for (String voter : voters) {
            castBallot(tasks, app.reference(), voter, "approve", null);
        }
        complete(tasks, app.reference(), OnboardingProcess.TASK_CONFIRM_PAYMENT, coordinator,
                Map.of(OnboardingProcess.PAYMENT_OUTCOME, pays ? "paid" : "cancelled"));
        return app;
    }
}
