package ua.clusterflow.shell;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL the app runs on without a database of its own, kept alive: a start finds and stops a server
 * of the same data folder that an earlier run left behind when it was killed (it would hold the folder, and the start
 * would wait two minutes and fail), and a server that dies while the app runs is started again on its port and data,
 * so the app serves again by itself. The data survives both: PostgreSQL replays its log at the next start.
 */
final class EmbeddedServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    /** The lock file the embedded server's library holds in the data folder while a JVM runs the server. */
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final EmbeddedPostgres.Builder builder;
    private final Path dataDirectory;
    private final int port;
    private final ScheduledExecutorService watch;
    private volatile EmbeddedPostgres current;
    private volatile boolean closed;
    private int missed;

    private EmbeddedServer(EmbeddedPostgres.Builder builder, Path dataDirectory, EmbeddedPostgres first) {
        this.builder = builder;
        this.dataDirectory = dataDirectory;
        this.current = first;
        this.port = first.getPort();
        // a restart listens where the pool's connections go, on the data the server had (a data folder cleaned at
        // each start is a test's, whose restart starts it empty)
        builder.setPort(port);
        this.watch = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-postgres-watch");
            thread.setDaemon(true);
            return thread;
        });
        // the library stops its server in a shutdown hook of its own: a JVM on its way out starts nothing again
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closed = true, "embedded-postgres-watch-stop"));
        watch.scheduleWithFixedDelay(this::keepAlive, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static EmbeddedServer start(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        stopLeftBehind(dataDirectory);
        return new EmbeddedServer(builder, dataDirectory, builder.start());
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return current.getJdbcUrl("postgres", "postgres");
    }

    /** A server that is no longer running is started again; one that runs is left alone. */
    synchronized void keepAlive() {
        try {
            if (closed || serverOf(dataDirectory.resolve("postmaster.pid")).isPresent()) {
                missed = 0;
                return;
            }
        } catch (IOException unreadable) {
            // the pid file is being written or removed: asked again at the next check
            return;
        }
        // gone at two checks in a row, not a pid file caught half written
        if (++missed < 2) {
            return;
        }
        missed = 0;
        log.warn("The embedded PostgreSQL stopped; starting it again on port {} with data in {}", port, dataDirectory);
        try {
            current.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the stopped server", e);
        }
        try {
            stopLeftBehind(dataDirectory);
            current = builder.start();
            log.info("The embedded PostgreSQL runs again on port {}", port);
        } catch (IOException | RuntimeException e) {
            log.error("The embedded PostgreSQL could not be started again; trying again in {} s",
                    CHECK_EVERY.toSeconds(), e);
        }
    }

    /**
     * Stops a server of this data folder that no running app holds (its JVM was killed, the server outlived it). A
     * folder another running app holds is refused with a clear message rather than taken from it.
     */
    static void stopLeftBehind(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock free = tryLock(channel)) {
            if (free == null) {
                throw new IllegalStateException("Another running ClusterFlow uses the embedded database in "
                        + dataDirectory + ": stop it, or give this one clusterflow.embedded-db.data-directory");
            }
            Optional<ProcessHandle> server = serverOf(pidFile);
            if (server.isEmpty()) {
                return;
            }
            log.warn("Stopping the embedded PostgreSQL (pid {}) that a run which ended abruptly left on {}",
                    server.get().pid(), dataDirectory);
            server.get().destroy();
            try {
                server.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                server.get().destroyForcibly();
                server.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The embedded PostgreSQL left on " + dataDirectory + " did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /**
     * The PostgreSQL server the pid file names, when it still runs: the server itself, which the library starts through
     * pg_ctl and so holds no handle of.
     */
    private static Optional<ProcessHandle> serverOf(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        watch.shutdownNow();
        current.close();
    }
}
