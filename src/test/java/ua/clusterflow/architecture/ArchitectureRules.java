package ua.clusterflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The architecture's rules over a tree of packages under one root: the layers bottom to top ({@code base},
 * {@code engine}, {@code mail}, {@code cluster}, {@code tasklist}, the features, {@code shell}, {@code demo}), every
 * class inside one of them. A feature is any other package under the root: a new one is guarded as soon as it exists,
 * with no list to add it to. The rules run on the application's classes and, to show that they fail, on a tree of
 * deliberate violations among the tests.
 */
final class ArchitectureRules {

    /** The packages that are not features, bottom to top. */
    static final List<String> INFRASTRUCTURE = List.of("base", "engine", "mail", "cluster", "tasklist", "shell", "demo");

    private final JavaClasses classes;
    private final String root;
    private final Path sources;

    /**
     * @param root    the root package, such as {@code ua.clusterflow}
     * @param sources the folder of the root package's source files, for the rules bytecode cannot show
     */
    ArchitectureRules(JavaClasses classes, String root, Path sources) {
        this.classes = classes;
        this.root = root;
        this.sources = sources;
    }

    /** The features: every package right under the root that is not infrastructure. */
    Set<String> features() {
        Set<String> features = new TreeSet<>();
        for (JavaClass c : classes) {
            String name = c.getPackageName();
            if (name.startsWith(root + ".")) {
                String top = name.substring(root.length() + 1).split("\\.")[0];
                if (!INFRASTRUCTURE.contains(top)) {
                    features.add(top);
                }
            }
        }
        return features;
    }

    void noPackageDependsOnItselfThroughAnother() {
        slices().matching(root + ".(**)").should().beFreeOfCycles().check(classes);
    }

    /** Nothing imports upward, and every class (the application's main class aside) is in a layer. */
    void nothingImportsUpward() {
        String[] features = features().stream().map(f -> root + "." + f + "..").toArray(String[]::new);
        var layers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage(root + "..")
                .ensureAllClassesAreContainedInArchitectureIgnoring(
                        com.tngtech.archunit.base.DescribedPredicate.describe("the application's main class",
                                c -> c.getName().equals(root + ".ClusterFlowApplication")))
                .layer("base").definedBy(root + ".base..")
                .layer("engine").definedBy(root + ".engine..")
                .layer("mail").definedBy(root + ".mail..")
                .layer("cluster").definedBy(root + ".cluster..")
                .layer("tasklist").definedBy(root + ".tasklist..")
                .optionalLayer("features").definedBy(features.length == 0 ? new String[] {root + ".none.."} : features)
                .layer("shell").definedBy(root + ".shell..")
                .optionalLayer("demo").definedBy(root + ".demo..")
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("shell").mayOnlyBeAccessedByLayers("demo")
                .whereLayer("features").mayOnlyBeAccessedByLayers("shell", "demo")
                .whereLayer("tasklist").mayOnlyBeAccessedByLayers("features", "shell", "demo")
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("tasklist", "features", "shell", "demo")
                .whereLayer("mail").mayOnlyBeAccessedByLayers("cluster", "tasklist", "features", "shell", "demo")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("mail", "cluster", "tasklist", "features", "shell",
                        "demo");
        layers.check(classes);
    }

    void noFeatureImportsAnother() {
        for (String feature : features()) {
            String[] others = features().stream().filter(f -> !f.equals(feature))
                    .map(f -> root + "." + f + "..").toArray(String[]::new);
            if (others.length > 0) {
                noClasses().that().resideInAPackage(root + "." + feature + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(others)
                        .as("the " + feature + " feature imports no other feature").check(classes);
            }
        }
    }

    /**
     * A feature's own classes (its services, rules and case details) do not reach into its {@code process} package:
     * the process depends on them, and what they need of it (the process's key) stands in the feature's port. Read
     * from the sources, because javac copies a constant into the class that uses it and the bytecode no longer shows
     * the dependency.
     */
    void noFeatureReachesIntoItsProcessPackage() {
        List<String> found = new ArrayList<>();
        for (String feature : features()) {
            String process = root + "." + feature + ".process.";
            sources(feature).forEach((file, text) -> {
                if (!file.contains("/process/") && !file.contains("/web/") && text.contains(process)) {
                    found.add(file);
                }
            });
        }
        if (!found.isEmpty()) {
            throw new AssertionError("classes that reach into their feature's process package (a cycle the bytecode "
                    + "hides when only a constant is used): " + found);
        }
    }

    /**
     * A feature reads and writes its own tables alone: a table belongs to the feature whose sources insert into it,
     * and no other feature's SQL names it (the dashboard asks each feature for its figures instead). Tables the
     * infrastructure writes (the case register, the members) are everyone's to read.
     */
    void noFeatureReadsAnothersTables() {
        Pattern insert = Pattern.compile("(?i)\\binsert\\s+into\\s+(\\w+)");
        Pattern named = Pattern.compile("(?i)\\b(?:from|join|update|into)\\s+(\\w+)");
        Map<String, String> owners = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (String feature : features()) {
            sources(feature).forEach((file, text) -> {
                texts.put(file, text);
                Matcher m = insert.matcher(text);
                while (m.find()) {
                    owners.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), feature);
                }
            });
        }
        List<String> found = new ArrayList<>();
        texts.forEach((file, text) -> {
            String feature = file.substring(0, file.indexOf('/'));
            Matcher m = named.matcher(text);
            while (m.find()) {
                String owner = owners.get(m.group(1).toLowerCase(Locale.ROOT));
                if (owner != null && !owner.equals(feature)) {
                    found.add(file + " names " + m.group(1) + " of " + owner);
                }
            }
        });
        if (!found.isEmpty()) {
            throw new AssertionError("SQL on another feature's tables: " + found);
        }
    }

    /**
     * The engine's tables ({@code ACT_*}) are read only by the engine's adapters: a move to another engine touches
     * them alone. Read from the sources, where SQL is text.
     */
    void onlyEngineAdaptersReadTheEnginesTables(List<String> adapterFolders) {
        List<String> found = new ArrayList<>();
        sources("").forEach((file, text) -> {
            if (adapterFolders.stream().noneMatch(file::contains)
                    && text.matches("(?s).*\\b(?i:act_(?:id|ru|hi|re|ge)_)\\w+.*")) {
                found.add(file);
            }
        });
        if (!found.isEmpty()) {
            throw new AssertionError("SQL on the engine's tables outside its adapters: " + found);
        }
    }

    /** The Java sources under a folder of the root (all of them for ""), by their path from the root, with '/'. */
    private Map<String, String> sources(String folder) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources.resolve(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                texts.put(sources.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
