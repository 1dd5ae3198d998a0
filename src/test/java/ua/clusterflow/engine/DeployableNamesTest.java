package ua.clusterflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's Spring deployment names a resource inside the packaged jar by its file name alone: two models or forms
 * of one file name in different folders run from {@code target/classes} (as the tests do) but only one of them is
 * deployed from the jar. So every deployable file name is unique, and a form is named after its process.
 */
class DeployableNamesTest {

    @Test
    void everyModelAndFormHasAFileNameOfItsOwn() throws IOException {
        assertThat(sameNames(deployables())).isEmpty();
    }

    @Test
    void aFormIsNamedAfterItsProcess() throws IOException {
        assertThat(deployables().stream().filter(p -> p.toString().endsWith(".form"))
                .filter(p -> !p.getFileName().toString().startsWith(p.getParent().getFileName() + "-")))
                .as("forms/<process>/<process>-<task>.form").isEmpty();
    }

    @Test
    void twoFormsOfOneNameInDifferentFoldersAreFound() {
        List<Path> duplicated = List.of(Path.of("forms/member-onboarding/payment.form"),
                Path.of("forms/membership-renewal/payment.form"), Path.of("forms/tech-meetup/tech-meetup-plan.form"));
        assertThat(sameNames(duplicated)).containsOnlyKeys("payment.form");
    }

    /** File names held by more than one deployable resource, with their paths. */
    static Map<String, List<Path>> sameNames(List<Path> resources) {
        return resources.stream().collect(Collectors.groupingBy(p -> p.getFileName().toString(), TreeMap::new,
                        Collectors.toList())).entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<Path> deployables() throws IOException {
        try (Stream<Path> models = Files.walk(Path.of("bpmn")); Stream<Path> forms = Files.walk(Path.of("forms"))) {
            return Stream.concat(models, forms).filter(Files::isRegularFile).toList();
        }
    }
}
