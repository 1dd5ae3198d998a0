package ua.clusterflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers, bottom to top: what everything uses ({@code base}), the engine's set-up ({@code engine}), {@code mail},
 * {@code cluster}, {@code tasklist}, the features (every other package: none is listed by hand), the application
 * shell, the demo data. Nothing imports upward, every class is in a layer, no feature imports another or reaches into
 * its own process package, the engine and its tables are reached only from the packages that adapt it, no service
 * reads a controller, and no class grows past 400 lines. Each rule is also run on a tree of deliberate violations
 * ({@code ua.clusterflow.architecture.violations}) and shown to fail there.
 */
class ArchitectureTest {

    /**
     * Where the engine's API may be imported: each feature's process package (its delegates and the adapter behind
     * its service's port), the engine adapters of the cluster directory and the task list, the engine's set-up and
     * the shell. The app's clock is the engine's clock, so that timers and pages agree on the time.
     */
    static final String[] ENGINE_ADAPTERS = {"ua.clusterflow..process..", "ua.clusterflow..engine..",
            "ua.clusterflow.shell.."};
    static final List<String> ENGINE_ADAPTER_FOLDERS = List.of("/process/", "/engine/", "engine/", "shell/");
    static final String ENGINE_CLOCK = "ua.clusterflow.base.AppClock";
    static final Path SOURCES = Path.of("src/main/java/ua/clusterflow");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("ua.clusterflow");

    static final ArchitectureRules RULES = new ArchitectureRules(CLASSES, "ua.clusterflow", SOURCES);

    /** A tree of deliberate violations: a new feature that imports another, a service that uses its process's key. */
    static final ArchitectureRules BROKEN = new ArchitectureRules(new ClassFileImporter()
            .importPackages("ua.clusterflow.architecture.violations"), "ua.clusterflow.architecture.violations",
            Path.of("src/test/java/ua/clusterflow/architecture/violations"));

    @Test
    void theFeaturesAreThePackagesThatAreNotInfrastructure() {
        assertThat(RULES.features()).contains("board", "dashboard", "delegation", "followup", "grant", "meetup",
                "membership", "onboarding").doesNotContainAnyElementsOf(ArchitectureRules.INFRASTRUCTURE);
        assertThat(BROKEN.features()).containsExactly("grants", "newfeature");
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        RULES.noPackageDependsOnItselfThroughAnother();
    }

    @Test
    void nothingImportsUpwardAndEveryClassIsInALayer() {
        RULES.nothingImportsUpward();
        assertThatThrownBy(BROKEN::nothingImportsUpward).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Stray").as("a class outside every layer");
    }

    @Test
    void noFeatureImportsAnother() {
        RULES.noFeatureImportsAnother();
        assertThatThrownBy(BROKEN::noFeatureImportsAnother).isInstanceOf(AssertionError.class)
                .hasMessageContaining("NewFeatureService");
    }

    @Test
    void noFeatureReachesIntoItsProcessPackage() {
        RULES.noFeatureReachesIntoItsProcessPackage();
        assertThatThrownBy(BROKEN::noFeatureReachesIntoItsProcessPackage).isInstanceOf(AssertionError.class)
                .hasMessageContaining("grants/GrantsService.java");
    }

    @Test
    void noFeatureReadsAnothersTables() {
        RULES.noFeatureReadsAnothersTables();
        assertThatThrownBy(BROKEN::noFeatureReadsAnothersTables).isInstanceOf(AssertionError.class)
                .hasMessageContaining("newfeature/NewFeatureService.java names grants_application of grants");
    }

    @Test
    void theEnginesTablesAreReadOnlyByItsAdapters() {
        RULES.onlyEngineAdaptersReadTheEnginesTables(ENGINE_ADAPTER_FOLDERS);
        assertThatThrownBy(() -> BROKEN.onlyEngineAdaptersReadTheEnginesTables(ENGINE_ADAPTER_FOLDERS))
                .isInstanceOf(AssertionError.class).hasMessageContaining("grants/GrantsService.java");
    }

    @Test
    void theEngineIsReachedOnlyThroughItsAdapters() {
        noClasses().that().resideOutsideOfPackages(ENGINE_ADAPTERS)
                .and().doNotHaveFullyQualifiedName(ENGINE_CLOCK)
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .as("only process and engine packages import the engine").check(CLASSES);
    }

    @Test
    void noControllerImportsTheEngine() {
        noClasses().that().resideInAPackage("ua.clusterflow..web..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..").check(CLASSES);
    }

    @Test
    void noServiceImportsAController() {
        noClasses().that().resideOutsideOfPackages("ua.clusterflow..web..", "ua.clusterflow.shell..",
                        "ua.clusterflow.demo..")
                .should().dependOnClassesThat().resideInAPackage("ua.clusterflow..web..").check(CLASSES);
    }

    /** A class that has grown past 400 lines does several jobs: it is split before it grows on. */
    @Test
    void noClassIsLongerThan400Lines() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > 400)
                    .map(f -> SOURCES.relativize(f) + ": " + lines(f)).toList()).isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
