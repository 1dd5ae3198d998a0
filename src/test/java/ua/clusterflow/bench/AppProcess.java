package ua.clusterflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ua.clusterflow.ClusterFlowApplication;
import ua.clusterflow.Processes;

/**
 * The application in a JVM of its own, as an operator runs it, on the benchmark's classpath and profile: its start-up
 * time to the first served login page and its resident memory, read from {@code /proc}.
 */
final class AppProcess {

    private final Process process;
    private final Path database;
    private final double startupSeconds;

    private AppProcess(Process process, Path database, double startupSeconds) {
        this.process = process;
        this.database = database.toAbsolutePath();
        this.startupSeconds = startupSeconds;
    }

    static AppProcess start(Path database, int port, int databasePort) throws IOException, InterruptedException {
        // the test run's classpath, each entry once (the models would otherwise be deployed twice over)
        String classpath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString()).distinct()
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Path log = Files.createDirectories(BenchReport.FOLDER).resolve("app-" + port + ".log");
        long start = System.nanoTime();
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the JVM options spring-boot:run starts the application with (app.jvm.options in pom.xml)
        for (String option : System.getProperty("app.jvm.options", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", classpath, ClusterFlowApplication.class.getName(),
                "--spring.profiles.active=bench", "--server.port=" + port,
                "--clusterflow.embedded-db.data-directory=" + database.toAbsolutePath(),
                "--clusterflow.embedded-db.port=" + databasePort,
                "--clusterflow.mail.catcher.port=" + Processes.freePort()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Files.writeString(BenchReport.FOLDER.resolve("app-classpath.txt"), classpath.replace(java.io.File.pathSeparator, "\n"));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try {
                if (client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new AppProcess(process, database, Math.round((System.nanoTime() - start) / 1e8) / 10.0);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The application did not serve its login page; see " + log);
    }

    double startupSeconds() {
        return startupSeconds;
    }

    /** The application JVM's resident set in MB. */
    long residentMegabytes() {
        return resident(process.pid());
    }

    /**
     * The embedded PostgreSQL's resident set in MB: its server process, found by its data directory (it runs detached
     * from the application's JVM), and the server's children; shared buffers are counted once per process.
     */
    long databaseResidentMegabytes() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(database.toString()) && c.contains("postgres"))
                        .orElse(false))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .mapToLong(p -> resident(p.pid())).distinct().sum();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
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
