package ua.clusterflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The layers, bottom to top: what everything uses ({@code base}), the engine's set-up ({@code engine}), {@code mail},
 * {@code cluster}, {@code tasklist}, the features, the application shell, the demo data. Nothing imports upward, no
 * feature imports another, the engine is reached only from the packages that adapt it, and no service reads a
 * controller. Each rule fails the build when the tree breaks it.
 */
class ArchitectureTest {

    static final String[] FEATURES = {"board", "dashboard", "delegation", "followup", "grant", "meetup",
            "membership", "onboarding"};

    /**
     * Where the engine's API may be imported: each feature's process package (its delegates and the adapter behind
     * its service's port), the engine adapters of the cluster directory and the task list, the engine's set-up and
     * the shell. The app's clock is the engine's clock, so that timers and pages agree on the time.
     */
    static final String[] ENGINE_ADAPTERS = {"ua.clusterflow..process..", "ua.clusterflow..engine..",
            "ua.clusterflow.shell.."};
    static final String ENGINE_CLOCK = "ua.clusterflow.base.AppClock";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("ua.clusterflow");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("ua.clusterflow.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void nothingImportsUpward() {
        String[] features = Arrays.stream(FEATURES).map(f -> "ua.clusterflow." + f + "..").toArray(String[]::new);
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy("ua.clusterflow.base..")
                .layer("engine").definedBy("ua.clusterflow.engine..")
                .layer("mail").definedBy("ua.clusterflow.mail..")
                .layer("cluster").definedBy("ua.clusterflow.cluster..")
                .layer("tasklist").definedBy("ua.clusterflow.tasklist..")
                .layer("features").definedBy(features)
                .layer("shell").definedBy("ua.clusterflow.shell..")
                .layer("demo").definedBy("ua.clusterflow.demo..")
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("shell").mayOnlyBeAccessedByLayers("demo")
                .whereLayer("features").mayOnlyBeAccessedByLayers("shell", "demo")
                .whereLayer("tasklist").mayOnlyBeAccessedByLayers("features", "shell", "demo")
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("tasklist", "features", "shell", "demo")
                .whereLayer("mail").mayOnlyBeAccessedByLayers("cluster", "tasklist", "features", "shell", "demo")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("mail", "cluster", "tasklist", "features", "shell",
                        "demo")
                .check(CLASSES);
    }

    @Test
    void noFeatureImportsAnother() {
        for (String feature : FEATURES) {
            String[] others = Arrays.stream(FEATURES).filter(f -> !f.equals(feature))
                    .map(f -> "ua.clusterflow." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("ua.clusterflow." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .as("the " + feature + " feature imports no other feature").check(CLASSES);
        }
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
}
