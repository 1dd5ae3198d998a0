package ua.clusterflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a benchmark's results under {@code target/bench/}: a Markdown table for people and the figures as JSON, and
 * beside them {@code <name>-compare.md}, every figure beside the previous run's on the same machine (kept with the
 * benchmark's databases, under {@code $BENCH_DATA/results/}, where {@code mvn clean} leaves it).
 */
final class BenchReport {

    static final Path FOLDER = Path.of("target", "bench");
    static final Path RUNS = BenchDatabases.ROOT.resolve("results");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Logger log = LoggerFactory.getLogger(BenchReport.class);

    private BenchReport() {
    }

    /** The Markdown first, since it may add the ratios it computes to the results, then the JSON and the comparison. */
    static void write(String name, Map<String, Object> results, Function<Map<String, Object>, String> markdown)
            throws IOException {
        Files.createDirectories(FOLDER);
        String md = markdown.apply(results);
        Files.writeString(FOLDER.resolve(name + ".md"), md);
        String json = JSON.writeValueAsString(results) + "\n";
        Files.writeString(FOLDER.resolve(name + ".json"), json);
        Path previous = RUNS.resolve(name + ".json");
        Files.writeString(FOLDER.resolve(name + "-compare.md"), compare(name,
                Files.exists(previous) ? JSON.readTree(previous.toFile()) : null, JSON.readTree(json)));
        Files.createDirectories(RUNS);
        Files.writeString(previous, json);
        log.info("\n{}", md);
    }

    /** Every number of this run beside the previous run's, and this one over that one. */
    static String compare(String name, JsonNode previous, JsonNode now) {
        Map<String, Double> before = previous == null ? Map.of() : numbers(previous);
        StringBuilder md = new StringBuilder("# " + name + ": this run beside the previous one\n\n");
        if (previous == null) {
            md.append("No previous run on this machine's benchmark data: the next run compares with this one.\n\n");
        }
        md.append("| figure | previous | this run | this / previous |\n|---|---|---|---|\n");
        numbers(now).forEach((key, value) -> {
            Double was = before.get(key);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", key, was == null ? "" : plain(was),
                    plain(value), was == null || was == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / was)));
        });
        return md.toString();
    }

    /** The numbers of a result tree by their path, such as {@code pages.dashboard.p95}. */
    private static Map<String, Double> numbers(JsonNode tree) {
        Map<String, Double> found = new LinkedHashMap<>();
        collect("", tree, found);
        return found;
    }

    private static void collect(String path, JsonNode node, Map<String, Double> found) {
        if (node.isNumber()) {
            found.put(path, node.asDouble());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), found);
            }
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
