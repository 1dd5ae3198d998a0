package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import ua.clusterflow.AppProcess;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.Processes;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.cluster.Edrpou;

/**
 * The application as the container image runs it (Spring Boot's launcher on the packaged jar's layers), with the demo,
 * walked over HTTP as its people walk it: every form the models name is deployed from the jar, and an organisation
 * applies, is reviewed, voted in by the board, has its fee confirmed and gets its welcome mail, each task's page
 * opened and its form sent.
 */
class JarJourneyIT {

    private static final Path ROOT = Path.of("target", "jar-journey").toAbsolutePath();
    private static final Pattern INVITATION = Pattern.compile("href=\"[^\"]*(/invitation/[^\"]+)\"");

    @Test
    void theImageDeploysEveryFormAndAnOrganisationIsWelcomedThroughEveryStep() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        Path image = image();
        GreenMail smtp = OwnServers.smtp();
        int port = Processes.freePort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(ROOT.resolve("postgres"))
                .setCleanDataDirectory(true).setPGStartupWait(Duration.ofMinutes(2)).start()) {
            List<String> arguments = OwnServers.arguments(postgres, smtp, "--clusterflow.demo-data=true");
            AppProcess app = AppProcess.launchAsImage(image, port, ROOT.resolve("app.log"), arguments).awaitReady();
            try {
                app.awaitOutput("Demo data loaded");
                JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
                assertThat(new TreeSet<>(jdbc.sql("select distinct key_ from act_re_camformdef").query(String.class)
                        .list())).as("the forms deployed from the image").containsAll(formIds());
                registerAtOnce(port, jdbc);
                walkOnboarding(port, smtp);
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

    private void walkOnboarding(int port, GreenMail smtp) throws Exception {
        String email = "jar-" + UUID.randomUUID() + "@example.com";
        String reference;
        try (RealDoor applicant = RealDoor.from(port, "127.0.38.1")) {
            applicant.get("/apply/kharkiv");
            Map<String, String> fields = new HashMap<>();
            String first7 = "3" + String.valueOf(System.nanoTime() % 1_000_000 + 1_000_000).substring(1);
            CaseSteps.applicationValues("ТОВ «Образ»", first7 + Edrpou.checkDigit(first7), email)
                    .forEach((name, value) -> fields.put(name, String.valueOf(value)));
            fields.put("submissionId", UUID.randomUUID().toString());
            RealDoor.Answer applied = applicant.post("/apply/kharkiv", fields);
            assertThat(applied.status()).as(applied.body()).isEqualTo(302);
            String done = applicant.get(applied.location().replaceFirst("^https?://[^/]+", "")).body();
            Matcher matcher = Pattern.compile("ONB-\\d+").matcher(done);
            assertThat(matcher.find()).as(done).isTrue();
            reference = matcher.group();
        }
        completeTask(port, "127.0.38.2", "olena", reference, Map.of("reviewChecks", "registry",
                "reviewDecision", "accept"));
        String address = "127.0.38.3";
        for (String voter : List.of("petro", "iryna", "andriy")) {
            completeTask(port, address, voter, reference, Map.of("vote", "approve", "voteComment", "Підтримую"));
        }
        completeTask(port, "127.0.38.4", "olena", reference, Map.of("paymentOutcome", "paid",
                "paidOn", AppClock.today().toString(), "paymentReference", "ПД-1"));
        String invitation = waitFor("the welcome mail with its invitation to " + email, () -> {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                Matcher link = INVITATION.matcher(textTo(mail, email));
                if (link.find()) {
                    return link.group(1);
                }
            }
            return null;
        });
        try (RealDoor member = RealDoor.from(port, "127.0.38.5")) {
            member.get(invitation);
            assertThat(member.post(invitation, Map.of("password", "jar-parol-2026", "repeat", "jar-parol-2026"))
                    .location()).contains("/login?welcome");
        }
    }

    /** Signs in, waits for the case's task in the person's list, opens its page and sends its form. */
    private static void completeTask(int port, String address, String user, String reference, Map<String, String> values)
            throws Exception {
        try (RealDoor door = RealDoor.from(port, address)) {
            assertThat(door.signIn(user, "demo").location()).doesNotContain("/login");
            String taskPath = waitFor("a task of " + reference + " in the list of " + user, () -> {
                Element link = Jsoup.parse(door.get("/tasks?q=" + reference).body())
                        .selectFirst("tr[data-case='" + reference + "'] a.task-link");
                return link == null ? null : link.attr("href");
            });
            RealDoor.Answer page = door.get(taskPath);
            assertThat(page.status()).as(taskPath).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).getElementById("task-form")).as("the form of " + taskPath).isNotNull();
            RealDoor.Answer sent = door.post(taskPath, values);
            assertThat(sent.status()).as(user + " sends " + taskPath + ": " + sent.body()).isEqualTo(302);
            assertThat(sent.location()).doesNotContain("error");
        }
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

    /** The mail's text, its parts decoded, when it goes to this address; empty for a mail to someone else. */
    private static String textTo(MimeMessage mail, String address) {
        try {
            String[] to = mail.getHeader("To");
            return to != null && String.join(",", to).contains(address) ? text(mail.getContent()) : "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i).getContent()));
            }
            return all.toString();
        }
        return content instanceof String text ? text : "";
    }

    /** Asks until the answer is there, for at most two minutes. */
    private static <T> T waitFor(String what, Supplier<T> answer) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            T value = answer.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Waited two minutes for " + what);
    }
}
