package ua.clusterflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import ua.clusterflow.Processes;

/** The outbox's one connection for a run: opened again when the server closed it meanwhile. */
class SmtpConnectionTest {

    @Test
    void aServerRestartedBetweenTwoMailsOfOneRunGetsTheNextOverANewConnection() throws Exception {
        int port = Processes.freePort();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        GreenMail server = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try (SmtpConnection connection = new SmtpConnection(sender)) {
            connection.send(message(sender, "<first@clusterflow.test>"));
            connection.send(message(sender, "<second@clusterflow.test>"));
            assertThat(server.getReceivedMessages()).hasSize(2);

            // the server goes away between two mails of the run and comes back
            server.stop();
            server = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
            server.start();
            connection.send(message(sender, "<third@clusterflow.test>"));
            assertThat(Arrays.stream(server.getReceivedMessages()).map(SmtpConnectionTest::messageId))
                    .as("sent once over a new connection, its Message-ID kept").containsExactly("<third@clusterflow.test>");
        } finally {
            server.stop();
        }
    }

    private static MimeMessage message(JavaMailSenderImpl sender, String messageId) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom("noreply@clusterflow.local");
        message.setRecipients(MimeMessage.RecipientType.TO, "member@example.com");
        message.setSubject("Нагадування");
        message.setText("Текст");
        message.setHeader("Message-ID", messageId);
        return message;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
