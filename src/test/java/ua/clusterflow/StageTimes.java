package ua.clusterflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * How long each stage of the test pyramid takes: every test class's time is written to {@code target/stage-times/}
 * as it ends, and at the end of each run the totals per stage (rules and units, process tests, page and HTTP tests,
 * browser journeys, separate JVMs) go to {@code target/stage-times/summary.txt}, which the build prints last, with
 * the wall-clock time from the first class's start to the last one's end of the tests in the build's JVMs and of the
 * separate JVMs' tests (the build runs its tests in two JVMs at once, so their times added up are more than it took).
 */
public class StageTimes implements TestExecutionListener {

    static final Path FOLDER = Path.of("target/stage-times");
    static final List<String> STAGES = List.of("rules and units", "process tests", "page and HTTP tests",
            "browser journeys", "separate JVMs");

    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Path lines = FOLDER.resolve("classes-" + ProcessHandle.current().pid() + ".tsv");

    @Override
    public void executionStarted(TestIdentifier test) {
        test.getSource().filter(ClassSource.class::isInstance)
                .ifPresent(source -> started.put(test.getUniqueId(), System.nanoTime()));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Long start = started.remove(test.getUniqueId());
        if (start == null || test.getSource().isEmpty()) {
            return;
        }
        Class<?> type = ((ClassSource) test.getSource().get()).getJavaClass();
        double seconds = (System.nanoTime() - start) / 1e9;
        long end = System.currentTimeMillis();
        append(lines, stage(type) + "\t" + type.getName() + "\t" + String.format(Locale.ROOT, "%.1f", seconds)
                + "\t" + (end - Math.round(seconds * 1000)) + "\t" + end + "\n");
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        STAGES.forEach(stage -> totals.put(stage, new double[2]));
        // from the first class's start to the last class's end: the tests in the build's JVMs, and in JVMs of their own
        long[] inJvm = {Long.MAX_VALUE, 0};
        long[] separate = {Long.MAX_VALUE, 0};
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("classes-")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] cells = line.split("\t");
                    double[] total = totals.get(cells[0]);
                    total[0] += Double.parseDouble(cells[2]);
                    total[1]++;
                    long[] span = cells[0].equals("separate JVMs") ? separate : inJvm;
                    span[0] = Math.min(span[0], Long.parseLong(cells[3]));
                    span[1] = Math.max(span[1], Long.parseLong(cells[4]));
                }
            }
        } catch (IOException e) {
            return;
        }
        StringBuilder summary = new StringBuilder("Test stages (seconds, classes):\n");
        double all = 0;
        for (Map.Entry<String, double[]> stage : totals.entrySet()) {
            all += stage.getValue()[0];
            summary.append(String.format(Locale.ROOT, "  %-26s %7.1f s  %3d classes%n", stage.getKey(),
                    stage.getValue()[0], (int) stage.getValue()[1]));
        }
        summary.append(String.format(Locale.ROOT, "  %-26s %7.1f s  (the classes' times added up)%n", "all tests",
                all));
        for (Map.Entry<String, long[]> span : List.of(Map.entry("wall, tests in the build", inJvm),
                Map.entry("wall, separate JVMs", separate))) {
            if (span.getValue()[1] > 0) {
                summary.append(String.format(Locale.ROOT, "  %-26s %7.1f s%n", span.getKey(),
                        (span.getValue()[1] - span.getValue()[0]) / 1000.0));
            }
        }
        try {
            Files.writeString(FOLDER.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stage of the pyramid a test class belongs to, by where it runs and what it starts. */
    static String stage(Class<?> type) {
        String name = type.getName();
        if (name.endsWith("IT")) {
            return "separate JVMs";
        }
        if (name.contains(".browser.")) {
            return "browser journeys";
        }
        if (!IntegrationTest.class.isAssignableFrom(type)) {
            return "rules and units";
        }
        return name.endsWith("ProcessTest") ? "process tests" : "page and HTTP tests";
    }

    private static void append(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
