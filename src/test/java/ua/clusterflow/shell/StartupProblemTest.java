package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second copy on the same machine, an unreachable PostgreSQL, a full disk: one line each, with the setting. */
class StartupProblemTest {

    @Test
    void aMailCatcherPortInUseNamesTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> MailCatcherConfig.requireFree("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOfSatisfying(StartupProblem.class, problem -> {
                        FailureAnalysis analysis = new StartupProblem.Analyzer()
                                .analyze(new IllegalStateException("context failed", problem));
                        assertThat(analysis.getDescription()).contains(String.valueOf(taken.getLocalPort()))
                                .doesNotContain("\n");
                        assertThat(analysis.getAction()).contains("clusterflow.mail.catcher.port")
                                .contains("CLUSTERFLOW_MAIL_CATCHER_PORT");
                    });
        }
    }

    @Test
    void anUnreachableDatabaseAndAFullDiskAreSaidWithTheirSettings() {
        FailureAnalysis database = new StartupProblem.Analyzer().analyze(new IllegalStateException("pool",
                new SQLException("Connection to db.example:5432 refused.", "08001")));
        assertThat(database.getAction()).contains("spring.datasource.url");
        FailureAnalysis disk = new StartupProblem.Analyzer().analyze(new IllegalStateException("start",
                new IOException("No space left on device")));
        assertThat(disk.getAction()).contains("clusterflow.embedded-db.data-directory");
        assertThat(new StartupProblem.Analyzer().analyze(new IllegalStateException("other"))).isNull();
    }
}
