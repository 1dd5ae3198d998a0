package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The texts in both languages: no key defined twice, English for every Ukrainian text that needs one, and every text
 * a person reads outside the bundles (a form's labels, options and descriptions, a model's named steps, events and
 * flows, the keys a mail or page template names) in both.
 */
class MessagesTest {

    /** The same in both languages: names of the product and of programmes. */
    private static final Set<String> SAME_IN_BOTH = Set.of("app.name", "home.title", "common.none",
            "grant.programme.horizon", "grant.programme.smp", "grant.programme.interreg", "grant.programme.eu4business");

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            List<String> keys = keys(file);
            Set<String> seen = new HashSet<>();
            assertThat(keys.stream().filter(k -> !seen.add(k)).toList()).as(file).isEmpty();
        }
    }

    /**
     * A text goes through MessageFormat whenever a page passes it an argument, even an empty one, and there a lone
     * apostrophe quotes the rest of the text away ("The contacts e-mail"): texts write the typographic one.
     */
    @Test
    void textsWriteTheTypographicApostrophe() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            assertThat(Files.readAllLines(Path.of("src/main/resources", file), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("#") && line.contains("'"))
                    .toList()).as(file).isEmpty();
        }
    }

    @Test
    void everyUkrainianTextHasItsEnglish() throws IOException {
        Set<String> english = new HashSet<>(keys("messages_en.properties"));
        assertThat(keys("messages.properties").stream()
                .filter(k -> !english.contains(k) && !SAME_IN_BOTH.contains(k))
                .collect(Collectors.toList())).isEmpty();
    }

    /** A form's JSON carries its Ukrainian texts: each needs its English under {@code form.<form>.<key>[.<value>]}. */
    @Test
    void everyFormTextHasItsEnglish() throws IOException {
        Set<String> english = new HashSet<>(keys("messages_en.properties"));
        List<String> missing = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (var files = Files.walk(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                var form = json.readTree(file.toFile());
                String id = form.get("id").asText();
                for (var component : form.get("components")) {
                    String key = "form." + id + "." + component.path("key").asText();
                    if (component.hasNonNull("label") || component.hasNonNull("text")) {
                        missing.add(key);
                    }
                    if (component.hasNonNull("description")) {
                        missing.add(key + ".description");
                    }
                    for (var option : component.path("values")) {
                        missing.add(key + "." + option.get("value").asText());
                    }
                }
            }
        }
        assertThat(missing.stream().filter(k -> !english.contains(k)).toList()).isEmpty();
    }

    /** Every step, event and flow a model names, as the case page, the diagram and the mail show it, in both. */
    @Test
    void everyNamedStepEventAndFlowOfTheModelsIsInBothLanguages() throws IOException {
        Set<String> ukrainian = new HashSet<>(keys("messages.properties"));
        Set<String> english = new HashSet<>(keys("messages_en.properties"));
        Pattern named = Pattern.compile(
                "<bpmn:(\\w+) id=\"([^\"]+)\"[^>]*?\\bname=\"([^\"]+)\"");
        List<String> needed = new ArrayList<>();
        try (var files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                var matcher = named.matcher(Files.readString(file));
                while (matcher.find()) {
                    String type = matcher.group(1);
                    if (type.equals("process") || type.equals("message") || type.equals("escalation")
                            || matcher.group(3).isBlank()) {
                        continue;
                    }
                    needed.add(type.equals("sequenceFlow") ? "bpmn.flow." + matcher.group(3).toLowerCase()
                            .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") : "bpmn." + matcher.group(2));
                }
            }
        }
        assertThat(needed).isNotEmpty();
        assertThat(needed.stream().filter(k -> !ukrainian.contains(k) || !english.contains(k)).distinct().toList())
                .isEmpty();
    }

    /** The keys a template names literally, {@code #{key}} or {@code #{key(...)}}, exist in both bundles. */
    @Test
    void everyKeyATemplateNamesIsInBothLanguages() throws IOException {
        Set<String> ukrainian = new HashSet<>(keys("messages.properties"));
        Set<String> english = new HashSet<>(keys("messages_en.properties"));
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[(}]");
        List<String> missing = new ArrayList<>();
        try (var files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!SAME_IN_BOTH.contains(key) && (!ukrainian.contains(key) || !english.contains(key))) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<String> keys(String file) throws IOException {
        return Files.readAllLines(Path.of("src/main/resources", file), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("=") && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')).trim())
                .toList();
    }
}
