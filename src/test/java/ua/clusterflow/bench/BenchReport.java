package ua.clusterflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a benchmark's results under {@code target/bench/}: a Markdown table for people and the figures as JSON. */
final class BenchReport {

    static final Path FOLDER = Path.of("target", "bench");
    private static final Logger log = LoggerFactory.getLogger(BenchReport.class);

    private BenchReport() {
    }

    /** The Markdown first, since it may add the ratios it computes to the results, then the JSON. */
    static void write(String name, Map<String, Object> results, Function<Map<String, Object>, String> markdown)
            throws IOException {
        Files.createDirectories(FOLDER);
        String md = markdown.apply(results);
        Files.writeString(FOLDER.resolve(name + ".md"), md);
        Files.writeString(FOLDER.resolve(name + ".json"), new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results) + "\n");
        log.info("\n{}", md);
    }
}
