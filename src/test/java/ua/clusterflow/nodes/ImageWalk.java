package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.RealDoor;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.demo.DemoData;

/**
 * The demo's people working the running application over HTTP, each signed in from an address of their own: a task
 * is found as the engine offers it to the person, its page opened and its form sent as the person sends it. A timer
 * that the walk cannot wait for is run through the engine's REST API as an operator would, rather than by moving a
 * clock the running application does not share. Remembers every user task it completed.
 */
final class ImageWalk implements AutoCloseable {

    final int port;
    final JdbcClient jdbc;
    final Set<String> completed = new TreeSet<>();
    private final GreenMail smtp;
    private final Map<String, RealDoor> doors = new LinkedHashMap<>();

    ImageWalk(int port, JdbcClient jdbc, GreenMail smtp) {
        this.port = port;
        this.jdbc = jdbc;
        this.smtp = smtp;
    }

    /** The person's client, signed in. */
    RealDoor door(String user) {
        return doors.computeIfAbsent(user, u -> {
            RealDoor door = RealDoor.from(port, "127.0.46." + (doors.size() + 1));
            assertThat(door.signIn(u, DemoData.PASSWORD).location()).as(u + " signs in").doesNotContain("/login");
            return door;
        });
    }

    /** An organisation applies to Kharkiv through the public form; the case's reference. */
    String apply(String name, String email) throws InterruptedException {
        try (RealDoor applicant = RealDoor.from(port, "127.0.47." + (1 + (int) (Math.random() * 250)))) {
            applicant.get("/apply/kharkiv");
            Map<String, String> fields = new HashMap<>();
            String first7 = "3" + String.valueOf(System.nanoTime() % 1_000_000 + 1_000_000).substring(1);
            CaseSteps.applicationValues(name, first7 + Edrpou.checkDigit(first7), email)
                    .forEach((key, value) -> fields.put(key, String.valueOf(value)));
            fields.put("submissionId", UUID.randomUUID().toString());
            RealDoor.Answer applied = applicant.post("/apply/kharkiv", fields);
            assertThat(applied.status()).as(applied.body()).isEqualTo(302);
            return OwnServers.waitFor("the application of " + email, () -> jdbc.sql(
                    "select reference from onboarding_application where contact_email = ?").param(email)
                    .query(String.class).optional().orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the case's task at this step offered to the person; its id. */
    String waitForTask(String reference, String taskKey, String user) throws InterruptedException {
        return OwnServers.waitFor(taskKey + " of " + reference + " for " + user, () -> jdbc.sql("""
                select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                where e.business_key_ = :key and t.task_def_key_ = :task and (t.assignee_ = :user
                    or (t.assignee_ is null and exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_
                        and (l.user_id_ = :user or l.group_id_ in (
                            select m.group_id_ from act_id_membership m where m.user_id_ = :user)))))
                limit 1""").param("key", reference).param("task", taskKey).param("user", user)
                .query(String.class).optional().orElse(null));
    }

    /** The person opens the task's page from their list and sends its form with these values. */
    void complete(String reference, String taskKey, String user, Map<String, String> values)
            throws InterruptedException {
        String taskId = waitForTask(reference, taskKey, user);
        RealDoor door = door(user);
        assertThat(Jsoup.parse(door.get("/tasks?q=" + reference).body())
                .select("a.task-link[href$=/tasks/" + taskId + "]")).as(taskKey + " in the list of " + user)
                .isNotEmpty();
        RealDoor.Answer page = door.get("/tasks/" + taskId);
        assertThat(page.status()).as(taskKey).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).getElementById("task-form")).as("the form of " + taskKey).isNotNull();
        RealDoor.Answer sent = door.post("/tasks/" + taskId, values);
        assertThat(sent.status()).as(user + " sends " + taskKey + " of " + reference + ": " + sent.body())
                .isEqualTo(302);
        assertThat(sent.location()).doesNotContain("/tasks/" + taskId);
        completed.add(taskKey);
    }

    /** Runs the case's timer at this element now, through the engine's REST API as the administrator. */
    void fireTimer(String reference, String timerId) throws Exception {
        String job = OwnServers.waitFor(timerId + " of " + reference, () -> jdbc.sql("""
                select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                join act_ru_execution e on e.id_ = j.process_instance_id_
                where e.business_key_ = ? and d.act_id_ = ? limit 1""").params(reference, timerId)
                .query(String.class).optional().orElse(null));
        HttpResponse<String> executed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/job/" + job + "/execute"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + DemoData.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(executed.statusCode()).as(timerId + ": " + executed.body()).isEqualTo(204);
    }

    /** The first link of this kind in a mail to the address. */
    String link(String address, Pattern link) throws InterruptedException {
        return OwnServers.waitFor("a mail to " + address + " with " + link, () -> {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                Matcher found = link.matcher(textTo(mail, address));
                if (found.find()) {
                    return found.group(1);
                }
            }
            return null;
        });
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
        if (content instanceof Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i).getContent()));
            }
            return all.toString();
        }
        return content instanceof String text ? text : "";
    }

    @Override
    public void close() throws Exception {
        for (RealDoor door : doors.values()) {
            door.close();
        }
    }
}
