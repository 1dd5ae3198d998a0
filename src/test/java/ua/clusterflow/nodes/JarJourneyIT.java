package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import ua.clusterflow.AppProcess;
import ua.clusterflow.Processes;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.AppClock;

/**
 * The application as the container image runs it (Spring Boot's launcher on the packaged jar's layers), with the demo,
 * walked over HTTP as its people walk it: every form the models name is deployed from the jar; 65 guests register for
 * a meetup at the same moment on the cold application; and a case of every process is carried through every user task
 * the models have (onboarding with a tied board vote settled, a grant application to the funder's decision, a meetup to
 * its outcome, a role declined, renominated, approved and renewed, a motion and its statement, an agreed action, the
 * membership year's three payments, an export action with too few applicants cancelled and another selected), each
 * task's page opened from its person's list and its form sent.
 */
class JarJourneyIT {

    private static final Path ROOT = Path.of("target", "jar-journey").toAbsolutePath();
    private static final Pattern INVITATION = Pattern.compile("href=\"[^\"]*(/invitation/[^\"]+)\"");
    private static final Pattern REVIEW_LINK = Pattern.compile("href=\"[^\"]*(/review/[^\"]+)\"");
    private static final Pattern EXPERT_LINK = Pattern.compile("href=\"[^\"]*(/expert/[^\"?]+)\\?answer=accept\"");

    @Test
    void theImageDeploysEveryFormAndCarriesACaseOfEveryProcessThroughEveryUserTask() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        Path image = image();
        GreenMail smtp = OwnServers.smtp();
        int port = Processes.freePort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(ROOT.resolve("postgres"))
                .setCleanDataDirectory(true).setPGStartupWait(Duration.ofMinutes(2)).start()) {
            List<String> arguments = OwnServers.arguments(postgres, smtp, "--clusterflow.demo-data=true");
            AppProcess app = AppProcess.launchAsImage(image, port, ROOT.resolve("app.log"), arguments).awaitReady();
            try (ImageWalk walk = new ImageWalk(port, JdbcClient.create(postgres.getPostgresDatabase()), smtp)) {
                app.awaitOutput("Demo data loaded");
                assertThat(new TreeSet<>(walk.jdbc.sql("select distinct key_ from act_re_camformdef")
                        .query(String.class).list())).as("the forms deployed from the image").containsAll(formIds());
                registerAtOnce(port, walk.jdbc);
                walkOnboarding(walk);
                walkATiedBoardVote(walk);
                walkGrantApplication(walk);
                walkMeetup(walk);
                walkRoleDelegation(walk);
                walkMotion(walk);
                walkFollowUp(walk);
                walkMembershipYear(walk);
                walkExportActions(walk);
                assertThat(walk.completed).as("every user task of every model, its form sent over HTTP")
                        .containsAll(userTasks());
                Files.writeString(ROOT.resolve("results.md"), "- user tasks completed over HTTP from the image: "
                        + walk.completed.size() + " of " + userTasks().size() + "\n- " + String.join(", ", walk.completed)
                        + "\n");
            } finally {
                app.stop();
            }
        } finally {
            smtp.stop();
        }
    }

    /**
     * 65 guests register for the demo's open meetup at the same moment, right after the start (a cold application):
     * each is answered with the outcome, and each registration answered as taken is stored once.
     */
    private void registerAtOnce(int port, JdbcClient jdbc) throws Exception {
        int guests = 65;
        List<RealDoor> doors = new ArrayList<>();
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < guests; i++) {
            RealDoor door = RealDoor.from(port, "127.0.42." + (i + 1));
            String page = door.get("/meetups/MEE-00001").body();
            Element mode = Jsoup.parse(page).selectFirst("input[name=mode]");
            assertThat(mode).as("the registration form of the demo's meetup").isNotNull();
            doors.add(door);
            forms.add(Map.of("name", "Гість " + i, "organisation", "ТОВ «Черга»", "email", "burst-" + i + "@example.com",
                    "mode", mode.attr("value"), "consent", "true"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(guests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < guests; i++) {
                RealDoor door = doors.get(i);
                Map<String, String> form = forms.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return door.post("/meetups/MEE-00001/register", form).status();
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertThat(status).as("a guest's answer").isIn(302, 409, 429);
                taken += status == 302 ? 1 : 0;
            }
            assertThat(jdbc.sql("select count(*) from meetup_registration where email like 'burst-%@example.com'")
                    .query(Long.class).single()).isEqualTo(taken);
            assertThat(taken).isEqualTo(guests);
        } finally {
            pool.shutdownNow();
            for (RealDoor door : doors) {
                door.close();
            }
        }
    }

    private void walkOnboarding(ImageWalk walk) throws Exception {
        String email = "jar-" + UUID.randomUUID() + "@example.com";
        String reference = walk.apply("ТОВ «Образ»", email);
        walk.complete(reference, "Task_ReviewApplication", "olena", Map.of("reviewChecks", "registry",
                "reviewDecision", "accept"));
        for (String voter : List.of("petro", "iryna", "andriy")) {
            walk.complete(reference, "Task_CastVote", voter, Map.of("vote", "approve", "voteComment", "Підтримую"));
        }
        walk.complete(reference, "Task_ConfirmPayment", "olena", Map.of("paymentOutcome", "paid",
                "paidOn", AppClock.today().toString(), "paymentReference", "ПД-1"));
        String invitation = walk.link(email, INVITATION);
        try (RealDoor member = RealDoor.from(walk.port, "127.0.38.5")) {
            member.get(invitation);
            assertThat(member.post(invitation, Map.of("password", "jar-parol-2026", "repeat", "jar-parol-2026"))
                    .location()).contains("/login?welcome");
        }
    }

    /** Two for, two against and one abstaining: the coordinator settles the tie. */
    private void walkATiedBoardVote(ImageWalk walk) throws Exception {
        String reference = walk.apply("ТОВ «Нічия»", "tie-" + UUID.randomUUID() + "@example.com");
        walk.complete(reference, "Task_ReviewApplication", "olena", Map.of("reviewChecks", "registry",
                "reviewDecision", "accept"));
        walk.complete(reference, "Task_CastVote", "petro", Map.of("vote", "approve"));
        walk.complete(reference, "Task_CastVote", "iryna", Map.of("vote", "approve"));
        walk.complete(reference, "Task_CastVote", "andriy", Map.of("vote", "reject", "voteComment", "Зарано"));
        walk.complete(reference, "Task_CastVote", "maria", Map.of("vote", "reject", "voteComment", "Бракує витягу"));
        walk.complete(reference, "Task_CastVote", "taras", Map.of("vote", "abstain"));
        walk.complete(reference, "Task_SettleVote", "olena", Map.of("settleDecision", "approve",
                "settleReason", "Витяг надано, рішення за прийняття"));
        walk.waitForTask(reference, "Task_ConfirmPayment", "olena");
    }

    private void walkGrantApplication(ImageWalk walk) throws Exception {
        RealDoor nadia = walk.door("nadia");
        nadia.get("/grants");
        String edit = nadia.post("/grants", Map.of()).location().replaceFirst("^https?://[^/]+", "");
        String reference = edit.replaceAll(".*/(GRA-\\d+)/edit", "$1");
        String version = Jsoup.parse(nadia.get(edit).body()).selectFirst("input[name=version]").attr("value");
        Map<String, String> form = new HashMap<>(Map.of("programme", "horizon", "callId", "HORIZON-CL4-2027-TWIN-01",
                "callDeadline", AppClock.today().plusDays(75).toString(), "title", "Цифровий двійник з образу",
                "summary", "Спільний проєкт членів кластера", "requestedBudget", "2000000", "coFinancing", "50000",
                "partnerName0", "Харківський політех", "partnerCountry0", "UA", "partnerRole0", "Research partner"));
        form.put("version", version);
        form.put("action", "submit");
        RealDoor.Answer submitted = nadia.postWithFile("/grants/" + reference, form, null, null, null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
        walk.complete(reference, "Task_ScreenApplication", "olena", Map.of("screeningDecision", "accept"));
        walk.complete(reference, "Task_FindPartners", "olena", Map.of("partner1Name", "Politechnika Warszawska",
                "partner1Country", "PL", "partner1Role", "Research partner", "partner2Name", "Fraunhofer IWU",
                "partner2Country", "DE", "partner2Role", "Research partner"));
        String reviewer = "jar-reviewer-" + UUID.randomUUID() + "@example.com";
        walk.complete(reference, "Task_AssignReviewers", "olena", Map.of("reviewer1Name", "Ірина Зовнішня",
                "reviewer1Email", reviewer, "reviewer1Language", "uk"));
        String review = walk.link(reviewer, REVIEW_LINK);
        try (RealDoor outsider = RealDoor.from(walk.port, "127.0.38.6")) {
            outsider.get(review);
            assertThat(outsider.post(review, Map.of("excellence", "4", "impact", "4", "implementation", "4",
                    "comment", "Переконливо")).body()).contains("id=\"review-done\"");
        }
        for (String voter : List.of("petro", "iryna", "andriy")) {
            walk.complete(reference, "Task_CastVote", voter, Map.of("vote", "approve"));
        }
        walk.complete(reference, "Task_RecordSubmission", "nadia", Map.of("submissionReference", "SEP-2110045678"));
        walk.complete(reference, "Task_RecordOutcome", "nadia", Map.of("outcome", "funded",
                "amountGranted", "1800000"));
    }

    private void walkMeetup(ImageWalk walk) throws Exception {
        RealDoor nadia = walk.door("nadia");
        nadia.get("/meetups/propose?cluster=kharkiv");
        RealDoor.Answer proposed = nadia.post("/meetups/propose?cluster=kharkiv", Map.of("segment", "CAD з образу",
                "challenge", "Перехід на 3D-моделі", "format", "offline",
                "windowFrom", AppClock.today().plusDays(10).toString(),
                "windowTo", AppClock.today().plusDays(30).toString()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(302);
        String reference = proposed.location().replaceAll(".*/cases/", "");
        walk.complete(reference, "Task_PlanMeetup", "olena", Map.of("meetupDate",
                AppClock.today().plusDays(20).toString(), "startTime", "10:00", "durationHours", "3",
                "venue", "Харків, ХПІ", "capacityOffline", "20", "capacityOnline", "0", "budget", "8000"));
        walk.complete(reference, "Task_ApproveMeetup", "olena", Map.of("approvalDecision", "approve"));
        Map<String, String> experts = new HashMap<>();
        String[] categories = {"business", "university", "it"};
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String address = "jar-expert-" + i + "-" + UUID.randomUUID() + "@example.com";
            addresses.add(address);
            experts.put("expert" + i + "Name", "Експерт " + i);
            experts.put("expert" + i + "Email", address);
            experts.put("expert" + i + "Category", categories[i - 1]);
            experts.put("expert" + i + "Language", "uk");
        }
        walk.complete(reference, "Task_ShortlistExperts", "olena", experts);
        try (RealDoor expertsDoor = RealDoor.from(walk.port, "127.0.38.7")) {
            for (String address : addresses) {
                String link = walk.link(address, EXPERT_LINK);
                expertsDoor.get(link + "?answer=accept");
                assertThat(expertsDoor.post(link, Map.of("answer", "accept")).status()).isEqualTo(200);
            }
        }
        walk.fireTimer(reference, "Timer_DayBefore");
        walk.fireTimer(reference, "Timer_MeetupOver");
        walk.complete(reference, "Task_RecordMeetupOutcome", "olena", Map.of("attendance", "12",
                "summary", "Домовились про бібліотеку компонентів", "agendaItems", "Бібліотека компонентів"));
    }

    /** One action with too few applicants, cancelled; another whose one applicant is selected. */
    private void walkExportActions(ImageWalk walk) throws Exception {
        String tooFew = announceExportAction(walk, "Виставка з образу", "2");
        applyToExportAction(walk, tooFew);
        walk.fireTimer(tooFew, "Timer_JoinDeadline");
        walk.complete(tooFew, "Task_DecideTooFew", "olena", Map.of("tooFewDecision", "cancel",
                "tooFewComment", "Замало учасників"));
        String selected = announceExportAction(walk, "Місія з образу", "1");
        applyToExportAction(walk, selected);
        walk.fireTimer(selected, "Timer_JoinDeadline");
        String application = OwnServers.waitFor("the application to " + selected, () -> walk.jdbc.sql("""
                select a.id from export_application a join export_action x on x.id = a.action_id
                where x.reference = ?""").param(selected).query(Long.class).optional().map(String::valueOf)
                .orElse(null));
        walk.complete(selected, "Task_SelectParticipants", "olena", Map.of("selected", application,
                "selectionNote", "Одне місце"));
    }

    private String announceExportAction(ImageWalk walk, String title, String least) {
        RealDoor olena = walk.door("olena");
        olena.get("/export-actions/new?cluster=kharkiv");
        Map<String, String> typed = new HashMap<>(Map.of("kind", "MISSION", "title", title, "markets", "PL",
                "place", "Варшава", "joinDeadline", AppClock.today().plusDays(7).toString(),
                "startsOn", AppClock.today().plusDays(20).toString(), "endsOn", AppClock.today().plusDays(21).toString(),
                "clusterCost", "10000", "participantFee", "2000", "places", "3"));
        typed.put("minParticipants", least);
        typed.put("selectionRule", "Готовність до експорту");
        RealDoor.Answer announced = olena.post("/export-actions/new?cluster=kharkiv", typed);
        assertThat(announced.status()).as(announced.body()).isEqualTo(302);
        return announced.location().replaceAll(".*/export-actions/", "");
    }

    private void applyToExportAction(ImageWalk walk, String reference) {
        RealDoor nadia = walk.door("nadia");
        nadia.get("/export-actions/" + reference);
        assertThat(nadia.post("/export-actions/" + reference + "/apply", Map.of("products", "Датчики",
                "productCodes", "9026", "readiness", "3")).status()).isEqualTo(302);
    }

    private void walkRoleDelegation(ImageWalk walk) throws Exception {
        RealDoor petro = walk.door("petro");
        petro.get("/roles/propose?cluster=kharkiv");
        RealDoor.Answer proposed = petro.post("/roles/propose?cluster=kharkiv", Map.of("roleCode", "fundraising",
                "nominee", "iryna", "responsibilities", "Заявки на гранти", "expectedResults", "Дві заявки на рік",
                "hoursPerMonth", "10", "termStart", AppClock.today().toString(),
                "termEnd", AppClock.today().plusDays(40).toString()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(302);
        String reference = proposed.location().replaceAll(".*/cases/", "");
        walk.complete(reference, "Task_ConsiderNomination", "iryna", Map.of("nominationAnswer", "decline",
                "nominationComment", "Не маю часу"));
        walk.complete(reference, "Task_ReviseProposal", "petro", Map.of("revisionAction", "renominate",
                "newNominee", "andriy"));
        walk.complete(reference, "Task_ConsiderNomination", "andriy", Map.of("nominationAnswer", "accept"));
        for (String voter : List.of("petro", "iryna", "maria")) {
            walk.complete(reference, "Task_CastVote", voter, Map.of("vote", "approve"));
        }
        walk.fireTimer(reference, "Timer_RenewalDue");
        walk.complete(reference, "Task_AskRenewal", "andriy", Map.of("renewalDecision", "renew",
                "newTermEnd", AppClock.today().plusYears(2).toString()));
    }

    private void walkMotion(ImageWalk walk) throws Exception {
        RealDoor petro = walk.door("petro");
        petro.get("/board/motions/new?cluster=kharkiv");
        RealDoor.Answer proposed = petro.postWithFile("/board/motions/new?cluster=kharkiv", Map.of(
                "question", "Провести форум у Харкові?", "motionText", "Пропоную провести річний форум у Харкові.",
                "closesOn", AppClock.today().plusDays(7).toString(), "closesAtTime", "18:00", "quorumPercent", "51"),
                null, null, null);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(302);
        String reference = proposed.location().replaceAll(".*/cases/", "");
        for (String voter : List.of("petro", "iryna", "andriy")) {
            walk.complete(reference, "Task_CastVote", voter, Map.of("vote", "approve"));
        }
        walk.complete(reference, "Task_WriteStatement", "petro", Map.of("outcomeStatement",
                "Правління вирішило провести форум у Харкові."));
    }

    /** The demo's agreed action for the coordinator. */
    private void walkFollowUp(ImageWalk walk) throws Exception {
        String reference = walk.jdbc.sql("""
                select e.business_key_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                where t.task_def_key_ = 'Task_DoFollowUp' and t.assignee_ = 'olena' limit 1""")
                .query(String.class).single();
        walk.complete(reference, "Task_DoFollowUp", "olena", Map.of("followUpOutcome", "Зроблено",
                "followUpLedTo", "none"));
    }

    /** A current member's renewal date comes; the demo's members in grace and lapsed pay. */
    private void walkMembershipYear(ImageWalk walk) throws Exception {
        String renewing = walk.jdbc.sql("""
                select e.business_key_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                join act_ru_execution e on e.id_ = j.process_instance_id_
                where d.act_id_ = 'Timer_RenewalDate' and e.tenant_id_ = 'kharkiv' limit 1""")
                .query(String.class).single();
        walk.fireTimer(renewing, "Timer_RenewalDate");
        Map<String, String> paid = Map.of("paidOn", AppClock.today().toString(), "paymentReference", "ПД-77");
        walk.complete(renewing, "Task_ConfirmDues", "olena", paid);
        for (String task : List.of("Task_ConfirmDuesInGrace", "Task_ConfirmDuesLapsed")) {
            String reference = walk.jdbc.sql("""
                    select e.business_key_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                    where t.task_def_key_ = ? and e.tenant_id_ = 'kharkiv' limit 1""")
                    .param(task).query(String.class).single();
            walk.complete(reference, task, "olena", paid);
        }
    }

    /** The user tasks of every model, by their ids. */
    private static Set<String> userTasks() throws IOException {
        Set<String> ids = new TreeSet<>();
        Pattern task = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                task.matcher(Files.readString(model)).results().forEach(m -> ids.add(m.group(1)));
            }
        }
        return ids;
    }

    /** The jar's layers extracted and copied into one folder, as the Dockerfile builds the image. */
    private static Path image() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("app.jar"));
        Path layers = ROOT.resolve("layers");
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers", "--launcher", "--destination",
                layers.toString()).redirectErrorStream(true).start();
        String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(extract.exitValue()).as(output).isZero();
        Path image = ROOT.resolve("image");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            Path from = layers.resolve(layer);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = image.resolve(from.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return image;
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                Matcher matcher = id.matcher(Files.readString(form));
                assertThat(matcher.find()).as(form.toString()).isTrue();
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }
}
