package ua.clusterflow.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.board.process.BoardVoteProcess;

/**
 * The peer a team would build on plain Camunda: the same onboarding cases, people and public application as
 * {@link OnboardingSimulation}, with every step of the cluster's people taken through Camunda's own REST API behind a
 * thin front end of their own: find the case's open task (a page of results: the engine takes no unbounded query),
 * read its form variables, complete it with the form's values as typed JSON variables. A task offered to a group is
 * claimed before it is completed, so that, as with the app's pages, the engine records who did each step. The front
 * end is taken to hold the form definitions, which do not change between cases.
 * The bench profile opens the REST API to the signed-in people of a cluster
 * ({@code clusterflow.engine.rest-open-to-people}); the engine's tenant check keeps each inside their clusters.
 */
public class EngineRestSimulation extends OnboardingSimulation {

    /** Camunda's REST date format, {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}. */
    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    public EngineRestSimulation() {
        super("Onboarding through Camunda's REST API", EngineRestSimulation::completeTask);
    }

    private static ChainBuilder completeTask(String who, String userId, String step, String taskKey,
                                             Map<String, String> fields) {
        String variables = fields.entrySet().stream().map(field -> variable(field.getKey(), field.getValue()))
                .collect(Collectors.joining(", ", "{\"variables\": {", "}}"));
        // a board member's ballot is their own task: the vote's other tasks carry the same key and business key
        String assignee = taskKey.equals(BoardVoteProcess.TASK_CAST_VOTE) ? "&assignee=" + userId : "";
        ChainBuilder found = asSignedIn(who)
                .exec(http(step + ": task query").get("/engine-rest/task?processInstanceBusinessKey=#{reference}"
                                + "&taskDefinitionKey=" + taskKey + assignee + "&firstResult=0&maxResults=10")
                        .check(status().is(200)).check(jsonPath("$[0].id").saveAs("taskId")))
                .exec(http(step + ": form variables").get("/engine-rest/task/#{taskId}/form-variables")
                        .check(status().is(200)));
        if (assignee.isEmpty()) {
            // a task offered to a group is claimed first, as Camunda's Tasklist has it and as the app's pages do
            // within their one request: the case's history then names who did the step on both sides
            found = found.exec(http(step + ": claim").post("/engine-rest/task/#{taskId}/claim")
                    .header("Content-Type", "application/json").body(StringBody("{\"userId\": \"" + userId + "\"}"))
                    .check(status().is(204)));
        }
        return found
                .exec(http(step + ": complete").post("/engine-rest/task/#{taskId}/complete")
                        .header("Content-Type", "application/json").body(StringBody(variables))
                        .check(status().is(204)));
    }

    /** One variable as the REST API takes it: a form's date as the engine's date, at the start of the day in Kyiv. */
    private static String variable(String name, String value) {
        if (name.equals("paidOn")) {
            String day = LocalDate.parse(value).atStartOfDay(AppClock.KYIV).format(REST_DATE);
            return "\"" + name + "\": {\"value\": \"" + day + "\", \"type\": \"Date\"}";
        }
        return "\"" + name + "\": {\"value\": \"" + value.replace("\"", "\\\"") + "\", \"type\": \"String\"}";
    }
}
