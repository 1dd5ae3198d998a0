package ua.clusterflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar Maven packages is the layered jar the {@code Dockerfile} builds its image from: Spring Boot's tools list
 * its four layers, and extracting them gives the launcher and the application's own classes in layers of their own.
 */
class LayeredJarIT {

    @Test
    void thePackagedJarHasTheLayersTheImageIsBuiltFrom() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("clusterflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged jar in target/"));
        }
        assertThat(run(jar, "list-layers")).containsExactly("dependencies", "spring-boot-loader",
                "snapshot-dependencies", "application");

        Path extracted = Path.of("target", "layers");
        run(jar, "extract", "--layers", "--launcher", "--force", "--destination", extracted.toString());
        assertThat(extracted.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                .exists();
        assertThat(extracted.resolve("application/BOOT-INF/classes/ua/clusterflow/ClusterFlowApplication.class"))
                .exists();
        assertThat(extracted.resolve("application/BOOT-INF/classes/bpmn/member-onboarding.bpmn")).exists();
        try (Stream<Path> libraries = Files.list(extracted.resolve("dependencies/BOOT-INF/lib"))) {
            assertThat(libraries.map(l -> l.getFileName().toString()))
                    .anyMatch(l -> l.startsWith("camunda-engine-")).anyMatch(l -> l.startsWith("spring-session-jdbc-"));
        }
    }

    private static List<String> run(Path jar, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools", "-jar",
                jar.toString()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
