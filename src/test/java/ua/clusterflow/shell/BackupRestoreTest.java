package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.ClusterFlowApplication;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.Processes;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/**
 * The backup procedure of the README, end to end: a {@code pg_dump} taken while a case waits for its review,
 * restored with {@code pg_restore} into a new, empty PostgreSQL, where the application starts and the case is
 * completed.
 */
class BackupRestoreTest extends IntegrationTest {

    @Autowired EmbeddedServer postgres;

    @Test
    void aDumpTakenMidCaseIsRestoredIntoAFreshDatabaseWhereTheCaseCompletes() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Резервна копія»", newEdrpou(), "backup@example.com");
        Path folder = Files.createDirectories(Path.of("target", "backup-restore"));
        Path dump = folder.resolve("clusterflow.dump");
        Path data = folder.resolve("postgres");
        FileSystemUtils.deleteRecursively(data);
        Processes.runAsPostgres("pg_dump", "-h", "localhost", "-p", String.valueOf(postgres.port()), "-U", "postgres",
                "--format=custom", "--file=" + dump, "postgres");

        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .start()) {
            JdbcClient.create(fresh.getPostgresDatabase()).sql("create database clusterflow").update();
            Processes.runAsPostgres("pg_restore", "-h", "localhost", "-p", String.valueOf(fresh.getPort()), "-U", "postgres",
                    "--dbname=clusterflow", "--no-owner", "--exit-on-error", dump.toString());
            try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(ClusterFlowApplication.class)
                    .profiles("test")
                    .run("--spring.datasource.url=jdbc:postgresql://localhost:" + fresh.getPort() + "/clusterflow",
                            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                            "--server.port=0", "--camunda.bpm.process-engine-name=restored",
                            // the operators' webapps keep their runtime in statics, which closing a second copy in
                            // this JVM would clear for the application the other tests use
                            "--camunda.bpm.webapp.enabled=false",
                            "--clusterflow.mail.catcher.port=" + Processes.freePort(), "--clusterflow.demo-data=false")) {
                CaseSteps.complete(restored.getBean(TaskService.class), app.reference(),
                        OnboardingProcess.TASK_REVIEW, "olena", Map.of(
                                OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_REJECT,
                                OnboardingProcess.REVIEW_COMMENT.name(), "Після відновлення"));
                assertThat(restored.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(app.reference()).finished().count()).isEqualTo(1);
                JdbcClient restoredDb = restored.getBean(JdbcClient.class);
                assertThat(restoredDb.sql("select status from onboarding_application where reference = ?")
                        .param(app.reference()).query(String.class).single()).isEqualTo("REJECTED");
                assertThat(restoredDb.sql("select count(*) from case_event where business_key = ?")
                        .param(app.reference()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(instance(app.reference(), OnboardingProcess.KEY)).as("the original waits on").isNotNull();
    }
}
