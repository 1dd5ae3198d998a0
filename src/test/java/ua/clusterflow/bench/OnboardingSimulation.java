package ua.clusterflow.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/**
 * Onboarding cases carried from application to welcome over HTTP, as the people in them do it: an organisation
 * applies through the public form, the coordinator accepts it, two board members approve, the coordinator records
 * the fee paid, each step through the task list, the task's page and its form. Each virtual user signs in as the
 * coordinator and two board members once, then works cases in a loop for the run's duration. Set through system
 * properties by {@link ThroughputBenchmark}; {@link EngineRestSimulation} takes the same steps through Camunda's
 * REST API.
 */
public class OnboardingSimulation extends Simulation {

    /** How one signed-in person finds a case's open step and completes it with the form's values. */
    interface Step {
        ChainBuilder complete(String who, String userId, String step, String taskKey, Map<String, String> fields);
    }

    static final String CLUSTER = System.getProperty("bench.cluster", "bench-load");
    static final int USERS = Integer.getInteger("bench.users", 16);
    static final String COORDINATOR = BenchData.coordinator(CLUSTER);
    static final String BOARD_1 = CLUSTER + "-board1";
    static final String BOARD_2 = CLUSTER + "-board2";
    /** The EDRPOU codes of the run's organisations, from the first one its database has not seen (set for each run). */
    static final AtomicInteger CODES = new AtomicInteger();

    /** Read with regular expressions rather than CSS selectors, which would parse every page in the load generator. */
    private static final String CSRF = "name=\"_csrf\" value=\"([^\"]+)\"";
    private static final String TASK_LINK = "data-case=\"#{reference}\"[^>]*>\\s*<td[^>]*><a href=\"/tasks/([0-9a-f-]+)\"";

    private final Iterator<Map<String, Object>> codes = Stream.generate(() -> {
        String first7 = String.valueOf(CODES.getAndIncrement());
        return Map.<String, Object>of("edrpou", first7 + Edrpou.checkDigit(first7));
    }).iterator();

    // read for each run: one benchmark runs the simulation against two applications in turn
    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl", "http://localhost:8080"))
            .acceptLanguageHeader("uk")
            .disableFollowRedirect().disableCaching();

    /** Signs in and keeps the session cookie under {@code <who>Session}. */
    private static ChainBuilder signIn(String who, String userId) {
        return exec(flushCookieJar())
                .exec(http("login page").get("/login").check(regex(CSRF).saveAs("csrf")))
                .exec(http("sign in").post("/login").formParam("username", userId)
                        .formParam("password", "bench-" + CLUSTER).formParam("_csrf", "#{csrf}")
                        .check(status().is(302)).check(header("Location").transform(location -> location.contains("/login")).is(false)))
                .exec(getCookieValue(CookieKey("clusterflow-session").saveAs(who + "Session")));
    }

    /** As one of the signed-in people, finds the case's open task in the task list and completes its form. */
    private static ChainBuilder completeTask(String who, String userId, String step, String taskKey,
                                             Map<String, String> fields) {
        var post = http(step).post("/tasks/#{taskId}").formParam("_csrf", "#{csrf}");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            post = post.formParam(field.getKey(), field.getValue());
        }
        return asSignedIn(who)
                .exec(http(step + ": task list").get("/tasks").queryParam("q", "#{reference}")
                        .check(regex(TASK_LINK).saveAs("taskId")))
                .exec(http(step + ": form").get("/tasks/#{taskId}")
                        .check(regex(CSRF).saveAs("csrf")))
                .exec(post.check(status().is(302)));
    }

    /** The session of one of the people signed in at the start, for the requests that follow. */
    static ChainBuilder asSignedIn(String who) {
        return exec(flushCookieJar())
                .exec(addCookie(Cookie("clusterflow-session", "#{" + who + "Session}").withDomain("localhost").withPath("/")));
    }

    private static ChainBuilder oneCase(Step step) {
        return exec(flushCookieJar())
                .exec(http("application form").get("/apply/" + CLUSTER)
                        .check(regex(CSRF).saveAs("csrf"))
                        .check(regex("name=\"submissionId\" value=\"([^\"]+)\"").saveAs("submissionId")))
                .exec(http("apply").post("/apply/" + CLUSTER)
                        .formParam("_csrf", "#{csrf}").formParam("submissionId", "#{submissionId}")
                        .formParam("organisationName", "ТОВ «Навантаження #{edrpou}»").formParam("edrpou", "#{edrpou}")
                        .formParam("category", "sme").formParam("sectors", "automation").formParam("headcount", "25")
                        .formParam("region", "Харківська").formParam("contactName", "Тетяна Бойко")
                        .formParam("contactEmail", "load-#{edrpou}@bench.example.com")
                        .formParam("offers", "Програмування ПЛК").formParam("needs", "Партнери для проєктів ЄС")
                        .formParam("consent", "true")
                        .check(status().is(302)))
                .exec(http("applied").get("/apply/" + CLUSTER + "/done")
                        .check(regex("(ONB-[0-9]+)").saveAs("reference")))
                .exec(step.complete("coordinator", COORDINATOR, "review", OnboardingProcess.TASK_REVIEW,
                        Map.of("reviewDecision", "accept")))
                .exec(step.complete("board1", BOARD_1, "vote 1", BoardVoteProcess.TASK_CAST_VOTE, Map.of("vote", "approve")))
                .exec(step.complete("board2", BOARD_2, "vote 2", BoardVoteProcess.TASK_CAST_VOTE, Map.of("vote", "approve")))
                .exec(step.complete("coordinator", COORDINATOR, "payment", OnboardingProcess.TASK_CONFIRM_PAYMENT,
                        Map.of("paymentOutcome", "paid", "paidOn", LocalDate.now(AppClock.KYIV).toString(),
                                "paymentReference", "ПП-#{edrpou}")));
    }

    public OnboardingSimulation() {
        this("Onboarding through the app's pages", OnboardingSimulation::completeTask);
    }

    protected OnboardingSimulation(String name, Step step) {
        // one JVM runs the simulations against two databases in turn: each run starts from its own database's codes,
        // where a count kept from the other's would apply with codes this one has seen (refused as duplicates)
        CODES.set(Integer.getInteger("bench.firstCode", 9_000_000));
        ScenarioBuilder cases = scenario(name)
                .exec(signIn("coordinator", COORDINATOR))
                .exec(signIn("board1", BOARD_1))
                .exec(signIn("board2", BOARD_2))
                // a user who cannot sign in stops rather than failing every request of every case
                .exitHereIfFailed()
                // a case begun is finished after the time is up, so that no run leaves the next one open tasks that
                // only the pages' task list reads (the coordinator's list grew by some 16 cases a run)
                .during(Duration.ofSeconds(Integer.getInteger("bench.seconds", 60)), false)
                .on(feed(codes).exec(oneCase(step)));
        // any request answered otherwise than expected fails the run (a non-zero exit), so no figure hides errors
        setUp(cases.injectOpen(atOnceUsers(USERS))).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
