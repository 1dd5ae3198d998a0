package ua.clusterflow.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail mailCatcher(@Value("${clusterflow.mail.catcher.host}") String host,
                          @Value("${clusterflow.mail.catcher.port}") int port) {
        return new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
    }
}
