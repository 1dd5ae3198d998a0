package ua.clusterflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.demo.DemoData;

/**
 * The engine's REST API and the operators' webapps refuse expression syntax wherever a request carries it, however
 * it is encoded, and serve the same requests without it; they answer at most 1,000 rows at once. Over real HTTP, since the engine's API is a servlet of its
 * own.
 */
class EngineApiHardeningTests extends IntegrationTest {

    @LocalServerPort int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void expressionsInQueryParametersAreRefusedHoweverEncoded() throws Exception {
        assertRefused(get("/engine-rest/task?nameLike=%24%7B1%2B1%7D"));
        assertRefused(get("/engine-rest/task?nameLike=%23%7BexecutionContext%7D"));
        assertRefused(get("/engine-rest/task?nameLike=%2524%257B1%257D"));
        assertRefused(get("/engine-rest/task?candidateGroupsExpression=%24%7BcurrentUserGroups()%7D"));
        assertRefused(get("/camunda/api/engine/engine/default/task?nameLike=%24%7B1%7D"));
        assertThat(get("/engine-rest/task?maxResults=3").statusCode()).isEqualTo(200);
        assertThat(get("/engine-rest/task/count?nameLike=Review%25").statusCode()).isEqualTo(200);
    }

    @Test
    void expressionsInBodiesAreRefusedAlsoWhenEscapedAndOtherBodiesReachTheEngine() throws Exception {
        assertRefused(post("/engine-rest/task", "application/json", "{\"nameLike\": \"${1+1}\"}"));
        assertRefused(post("/engine-rest/task", "application/json", "{\"nameLike\": \"\\u0024{1+1}\"}"));
        assertRefused(post("/engine-rest/task", "application/json", "{\"assigneeExpression\": \"#{currentUser()}\"}"));
        assertRefused(post("/engine-rest/task", "application/x-www-form-urlencoded", "nameLike=%24%7B1%7D"));
        HttpResponse<String> fine = post("/engine-rest/task/count", "application/json", "{\"nameLike\": \"Review%\"}");
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).contains("\"count\"");
    }

    @Test
    void formsToTheEngineStillNeedACsrfTokenAndJsonNeedsTheOperator() throws Exception {
        assertThat(post("/engine-rest/task/count", "application/x-www-form-urlencoded", "nameLike=Review")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(uri("/engine-rest/task/count"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theEngineApiAnswersAtMostAThousandRowsAtOnce() throws Exception {
        HttpResponse<String> unbounded = get("/engine-rest/task");
        assertThat(unbounded.statusCode()).isEqualTo(400);
        assertThat(unbounded.body()).contains("unbound");
        assertThat(get("/engine-rest/history/activity-instance?firstResult=0&maxResults=1001").statusCode())
                .isEqualTo(400);
        assertThat(get("/engine-rest/history/activity-instance?firstResult=0&maxResults=1000").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theAppsOwnPagesAreLeftAlone() throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login?user=%24%7Bx%7D")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not accepted");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(admin(HttpRequest.newBuilder(uri(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return client.send(admin(HttpRequest.newBuilder(uri(path))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpRequest.Builder admin(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
