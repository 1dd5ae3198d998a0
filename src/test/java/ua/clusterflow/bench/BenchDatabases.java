package ua.clusterflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ua.clusterflow.ClusterFlowApplication;
import ua.clusterflow.Processes;

/**
 * The benchmark's two databases under {@code $BENCH_DATA} (default {@code bench-data/}): {@code open} with the
 * alliance's clusters, members and open tasks, and {@code postgres} with the same and the finished cases. Each is
 * generated once; {@code open} is a copy of {@code postgres} taken before the finished cases were added.
 */
final class BenchDatabases {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("BENCH_DATA", "bench-data")).toAbsolutePath();
    static final Path HISTORY = ROOT.resolve("postgres");
    static final Path OPEN = ROOT.resolve("open");

    private BenchDatabases() {
    }

    /**
     * The application on one of the databases, with the bench profile, random ports for HTTP and the mail catcher (two
     * benchmarks may run side by side) and the given properties.
     */
    static ConfigurableApplicationContext start(Path database, String... properties) {
        String[] args = new String[properties.length + 3];
        args[0] = "--clusterflow.embedded-db.data-directory=" + database;
        args[1] = "--server.port=0";
        args[2] = "--clusterflow.mail.catcher.port=" + freePort();
        for (int i = 0; i < properties.length; i++) {
            args[i + 3] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(ClusterFlowApplication.class).profiles("bench").run(args);
    }

    private static int freePort() {
        try {
            return Processes.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Generates what is missing of the alliance's data; with {@code -Dbench.generate=false} nothing, for a quick run on
     * whatever the databases hold (an empty one is created with the demo data).
     */
    static void prepare(int openTasks, int finishedCases) throws IOException {
        if ("false".equals(System.getProperty("bench.generate"))) {
            vacuumIfAsked();
            return;
        }
        if (!Files.exists(OPEN.resolve("PG_VERSION"))) {
            try (ConfigurableApplicationContext context = start(HISTORY)) {
                BenchData data = new BenchData(context);
                data.clusters();
                data.openTasks(openTasks);
                if (data.count(BenchData.FINISHED_PREFIX) > 0) {
                    throw new IllegalStateException(HISTORY + " has finished cases already: remove it to start over");
                }
            }
            copy(HISTORY, OPEN);
            // PostgreSQL starts only on a data directory its owner alone may enter
            Files.setPosixFilePermissions(OPEN, PosixFilePermissions.fromString("rwx------"));
        }
        try (ConfigurableApplicationContext context = start(HISTORY)) {
            new BenchData(context).finishedCases(finishedCases);
        }
        vacuumIfAsked();
    }

    /**
     * With {@code -Dbench.vacuum=true}: {@code VACUUM ANALYZE} on both databases first, so that a run on freshly
     * generated data measures the application rather than PostgreSQL catching up on the tables just written.
     */
    private static void vacuumIfAsked() {
        if (!"true".equals(System.getProperty("bench.vacuum"))) {
            return;
        }
        for (Path database : new Path[] {HISTORY, OPEN}) {
            if (Files.exists(database.resolve("PG_VERSION"))) {
                try (ConfigurableApplicationContext context = start(database)) {
                    context.getBean(JdbcClient.class).sql("vacuum analyze").update();
                }
            }
        }
        // once per run of the benchmarks, whichever prepares first
        System.clearProperty("bench.vacuum");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!source.getFileName().toString().equals("postmaster.pid")) {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
