package ua.clusterflow.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One connection to the SMTP server for a run of the outbox, opened at its first mail: a thousand reminders due at
 * once go over one connection rather than a thousand. Before each mail the connection is asked whether it still
 * stands (SMTP's NOOP) and opened again if the server closed it; a mail that fails closes it, and the next mail of the
 * run opens a new one.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSenderImpl sender;
    private Transport transport;

    SmtpConnection(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    void send(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        // saving the message's parts writes a Message-ID of its own: the outbox row's is kept
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        try {
            open().sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            // the server refused this mail's recipients: the connection serves the next mail
            throw e;
        } catch (MessagingException e) {
            close();
            throw e;
        }
    }

    private Transport open() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            close();
            transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
            transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        }
        return transport;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is gone either way
            }
            transport = null;
        }
    }
}
