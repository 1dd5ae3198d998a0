package ua.clusterflow.shell;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.demo.DemoData;

/**
 * An installation without an administrator gets one, {@code admin}, so that someone can create
 * the clusters: with the password from {@code clusterflow.admin.password}, or a generated one
 * written once to the log and kept nowhere else; the demo's administrator has the demo's public password.
 */
@Component
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identity;
    private final ClusterDirectory directory;
    private final String password;
    private final boolean demo;

    public FirstAdministrator(IdentityService identity, ClusterDirectory directory,
                              @Value("${clusterflow.admin.password:}") String password,
                              @Value("${clusterflow.demo-data:false}") boolean demo) {
        this.identity = identity;
        this.directory = directory;
        this.password = password;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void ensure() {
        if (identity.createUserQuery().memberOfGroup(Role.ADMIN_GROUP).count() > 0 || directory.personExists("admin")) {
            return;
        }
        String chosen = password.isBlank() && demo ? DemoData.PASSWORD : password;
        if (chosen.isBlank()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            chosen = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("Created the administrator 'admin' with the password '{}': change it in the Camunda Admin "
                    + "webapp (/camunda) after logging in", chosen);
        }
        directory.createPerson("admin", demo ? "Адміністратор" : "Administrator", demo ? "Системи" : "",
                demo ? "admin@clusterflow.local" : "admin@localhost", "uk", chosen);
        directory.makeAdministrator("admin");
    }
}
