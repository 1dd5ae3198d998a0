package ua.clusterflow.shell;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default run's mail catcher: an SMTP server inside the app that keeps every mail,
 * so administrators can read what went out without a mail server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "clusterflow.mail.catcher.enabled", havingValue = "true")
public class MailCatcherConfig {

    @Bean(destroyMethod = "stop")
    GreenMail mailCatcher(@Value("${clusterflow.mail.catcher.host}") String host,
                          @Value("${clusterflow.mail.catcher.port}") int port) {
        requireFree(host, port);
        GreenMail catcher = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        catcher.start();
        return catcher;
    }

    /** A second copy of the app on one machine meets the first one's catcher here: it is told which setting to change. */
    static void requireFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StartupProblem("The mail catcher cannot listen on " + host + ":" + port
                    + ": another program (perhaps another copy of ClusterFlow) uses that port.",
                    "Set clusterflow.mail.catcher.port (CLUSTERFLOW_MAIL_CATCHER_PORT) to a free port, or turn the "
                            + "catcher off with clusterflow.mail.catcher.enabled=false and give spring.mail.host your "
                            + "SMTP server; for the web port set server.port (SERVER_PORT).", e);
        }
    }
}
