package ua.clusterflow.shell;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With no database configured, ClusterFlow runs on an embedded PostgreSQL whose data is kept
 * under {@code clusterflow.embedded-db.data-directory}, so a newcomer needs no server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(@Value("${clusterflow.embedded-db.data-directory}") String dataDirectory,
                                      @Value("${clusterflow.embedded-db.port:0}") int port,
                                      @Value("${clusterflow.embedded-db.clean:false}") boolean clean,
                                      Environment environment) throws IOException {
        Path dir = Path.of(dataDirectory).toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "100")
                // the library's default is off, which loses the last commits when the server dies: what a person was
                // told is stored must be on disk first
                .setServerConfig("synchronous_commit", "on")
                // after an unclean stop the server replays its log first, which takes longer than a clean start
                .setPGStartupWait(Duration.ofMinutes(2));
        // further server settings, e.g. clusterflow.embedded-db.server-config.shared_preload_libraries
        Binder.get(environment).bind("clusterflow.embedded-db.server-config",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()).forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedServer postgres = EmbeddedServer.start(builder, dir);
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.port(), dir);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedServer postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.jdbcUrl())
                .username("postgres")
                .password("postgres")
                .build();
        dataSource.setMaximumPoolSize(20);
        // the embedded server stops in a JVM shutdown hook of its own, racing the context's shutdown:
        // a short wait keeps the shutdown quick when the server is gone first
        dataSource.setConnectionTimeout(3000);
        return dataSource;
    }
}
