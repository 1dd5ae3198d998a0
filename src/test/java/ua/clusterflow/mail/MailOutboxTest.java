package ua.clusterflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import ua.clusterflow.IntegrationTest;

/** The outbox: mail leaves only with the step that caused it, and survives an SMTP server that is down or hangs. */
class MailOutboxTest extends IntegrationTest {

    @Autowired MailOutbox outbox;
    @Autowired TransactionTemplate transaction;
    @Autowired JavaMailSender mailSender;

    @Test
    void aStepThatRollsBackSendsNoMail() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.queue("rollback@example.com", "uk", "task-assigned", model("Скасований крок"), null);
            throw new IllegalStateException("the step fails after queuing its mail");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(mailsTo("rollback@example.com")).isEmpty();
        assertThat(rows("rollback@example.com")).isZero();
    }

    @Test
    void mailQueuedWhileTheServerIsDownIsDeliveredOnceWhenItIsBack() throws Exception {
        outbox.queue("later@example.com", "en", "task-assigned", model("Review"), null);
        greenMail.stop();
        try {
            outboxSender.sendDue();
            Map<String, Object> row = jdbc.sql("select status, attempts, last_error, next_attempt_at > now() as later "
                    + "from mail_outbox where recipient = 'later@example.com'").query().singleRow();
            assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1).containsEntry("later", true);
            assertThat(row.get("last_error")).isNotNull();
        } finally {
            greenMail.start();
        }
        jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient = 'later@example.com'").update();
        outboxSender.sendDue();
        outboxSender.sendDue();

        assertThat(mailsTo("later@example.com")).hasSize(1);
        assertThat(subject(mailsTo("later@example.com").get(0))).isEqualTo("New task: Review");
        long id = jdbc.sql("select id from mail_outbox where recipient = 'later@example.com'").query(Long.class).single();
        assertThat(mailsTo("later@example.com").get(0).getMessageID()).as("one identity per outbox row, kept on resend")
                .startsWith("<outbox-" + id + "-").endsWith("@localhost>");
        assertThat(jdbc.sql("select status from mail_outbox where recipient = 'later@example.com'")
                .query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void aMailThatKeepsFailingIsMarkedFailedForTheAdministrator() {
        outbox.queue("broken@example.com", "uk", "task-assigned", model("Зламаний"), null);
        jdbc.sql("update mail_outbox set attempts = 7 where recipient = 'broken@example.com'").update();
        greenMail.stop();
        try {
            outboxSender.sendDue();
        } finally {
            greenMail.start();
        }
        assertThat(jdbc.sql("select status from mail_outbox where recipient = 'broken@example.com'")
                .query(String.class).single()).isEqualTo("FAILED");
        outboxSender.sendDue();
        assertThat(mailsTo("broken@example.com")).isEmpty();
    }

    /**
     * An SMTP server that accepts the connection and never answers: sending gives up after the read timeout
     * ({@code mail.smtp.timeout}, 10 s), the mail waits for its next attempt, and goes out once the server answers.
     */
    @Test
    void aServerThatHangsTimesOutAndTheMailGoesOutOnTheNextAttempt() throws Exception {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        int port = sender.getPort();
        String recipient = "slow-" + System.nanoTime() + "@example.com";
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            outboxSender.sendDue();
            outbox.queue(recipient, "uk", "task-assigned", model("Повільний"), null);
            sender.setPort(silent.getLocalPort());
            try {
                assertThat(outboxSender.sendDue()).isZero();
            } finally {
                sender.setPort(port);
            }
            assertThat(held).as("the server took the connection").isNotEmpty();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        Map<String, Object> row = jdbc.sql("select status, attempts, last_error from mail_outbox where recipient = ?")
                .param(recipient).query().singleRow();
        assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(String.valueOf(row.get("last_error")).toLowerCase()).contains("timed out");

        jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient = ?").param(recipient).update();
        outboxSender.sendDue();
        assertThat(mailsTo(recipient)).hasSize(1);
    }

    private long rows(String recipient) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(recipient).query(Long.class).single();
    }

    private static Map<String, Object> model(String taskName) {
        return Map.of("taskName", taskName, "caseTitle", "Справа", "businessKey", "ONB-X", "link", "http://x/tasks/1",
                "recipientName", "Тест", "subjectArg", taskName);
    }
}
