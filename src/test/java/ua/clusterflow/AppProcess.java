package ua.clusterflow;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application in a JVM of its own, as an operator runs it (the packaged jar, or the container image's layers)
 * with the JVM options {@code spring-boot:run} uses: its start-up time to the first served login page and its resident memory, read from
 * {@code /proc}. The benchmarks measure it; the two-node tests run two of them on one database and kill one.
 */
public final class AppProcess {

    private final Process process;
    private final int port;
    private final Path log;
    private final long launchedAt;
    private double startupSeconds;

    private AppProcess(Process process, int port, Path log, long launchedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    /** The application with these command-line arguments, serving HTTP on {@code port}; its output goes to log. */
    public static AppProcess start(int port, Path log, List<String> arguments) throws IOException, InterruptedException {
        return launch(port, log, arguments).awaitReady();
    }

    /**
     * Starts the application's JVM without waiting for it, so several can start side by side: from the packaged jar
     * where the build names it ({@code app.jar}, as the integration tests run after packaging), else from the test
     * run's classpath (the benchmarks, which run before it).
     */
    public static AppProcess launch(int port, Path log, List<String> arguments) throws IOException {
        String jar = System.getProperty("app.jar", "");
        if (!jar.isEmpty() && Files.isRegularFile(Path.of(jar))) {
            return launch(port, log, List.of("-jar", Path.of(jar).toAbsolutePath().toString()), arguments);
        }
        // the test run's classpath, each entry once (the models would otherwise be deployed twice over)
        String classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString()).distinct()
                .collect(Collectors.joining(File.pathSeparator));
        return launch(port, log, List.of("-cp", classpath, ClusterFlowApplication.class.getName()), arguments);
    }

    /**
     * Starts the application as the container image does: Spring Boot's launcher on the jar's layers, extracted and
     * copied into one folder in the image's order.
     */
    public static AppProcess launchAsImage(Path image, int port, Path log, List<String> arguments) throws IOException {
        return launch(port, log, List.of("-cp", image.toAbsolutePath().toString(),
                "org.springframework.boot.loader.launch.JarLauncher"), arguments);
    }

    private static AppProcess launch(int port, Path log, List<String> what, List<String> arguments) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        long start = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the JVM options spring-boot:run starts the application with (app.jvm.options in pom.xml)
        for (String option : System.getProperty("app.jvm.options", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(what);
        command.add("--server.port=" + port);
        // the tests' own profiles (application-nodes.yaml) beside the application's settings, whichever way it runs
        command.add("--spring.config.additional-location=optional:file:"
                + Path.of("target", "test-classes").toAbsolutePath() + "/");
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppProcess(process, port, log, start);
    }

    /** Waits until the application serves its login page, at most three minutes. */
    public AppProcess awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try {
                if (client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startupSeconds = Math.round((System.nanoTime() - launchedAt) / 1e8) / 10.0;
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        boolean exited = !process.isAlive();
        process.destroyForcibly();
        throw new IllegalStateException("The application did not serve its login page"
                + (exited ? " (its JVM ended with " + process.waitFor() + ")" : " in three minutes") + "; see " + log
                + ", which ends with:\n" + tail(40));
    }

    /** The last lines of the application's output, for a failure's message (CI keeps the message, not the file). */
    private String tail(int lines) throws IOException {
        List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Waits until the application's output shows this text, at most three minutes. */
    public void awaitOutput(String text) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (!Files.readString(log).contains(text)) {
            if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                throw new IllegalStateException("The application did not write '" + text + "'; see " + log
                        + ", which ends with:\n" + tail(40));
            }
            Thread.sleep(200);
        }
    }

    public double startupSeconds() {
        return startupSeconds;
    }

    /** The application JVM's resident set in MB. */
    public long residentMegabytes() {
        return resident(process.pid());
    }

    /**
     * The resident set in MB of the embedded PostgreSQL with its data in {@code database}: its server process, found by
     * its data directory (it runs detached from the application's JVM), and the server's children; shared buffers are
     * counted once per process.
     */
    public static long databaseResidentMegabytes(Path database) {
        return databaseProcesses(database).mapToLong(p -> resident(p.pid())).distinct().sum();
    }

    /** The CPU time in milliseconds the application's JVM has used so far. */
    public long cpuMillis() {
        return cpuMillis(process.pid(), false);
    }

    /**
     * The CPU time in milliseconds the embedded PostgreSQL with its data in {@code database} has used so far: its server
     * process with the children it has reaped, and the children still running (the connections).
     */
    public static long databaseCpuMillis(Path database) {
        return databaseProcesses(database).mapToLong(p -> cpuMillis(p.pid(), p.parent()
                .map(parent -> parent.info().commandLine().map(c -> !c.contains("postgres")).orElse(true)).orElse(true)))
                .sum();
    }

    private static Stream<ProcessHandle> databaseProcesses(Path database) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(database.toAbsolutePath().toString()) && c.contains("postgres"))
                        .orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .distinct();
    }

    /** User and system time from {@code /proc/<pid>/stat} (100 ticks a second), with its reaped children's if asked. */
    private static long cpuMillis(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields from the state on: utime is the 12th, stime the 13th, cutime and cstime the 14th and 15th
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks * 10;
        } catch (IOException gone) {
            return 0;
        }
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Ends the JVM at once (SIGKILL), as a crash or a pulled plug would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static long resident(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return 0;
    }
}
