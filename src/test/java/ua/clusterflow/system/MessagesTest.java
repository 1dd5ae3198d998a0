package ua.clusterflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The texts in both languages: no key defined twice, and English for every Ukrainian text that needs one. */
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

    @Test
    void everyUkrainianTextHasItsEnglish() throws IOException {
        Set<String> english = new HashSet<>(keys("messages_en.properties"));
        assertThat(keys("messages.properties").stream()
                .filter(k -> !english.contains(k) && !SAME_IN_BOTH.contains(k))
                .collect(Collectors.toList())).isEmpty();
    }

    private static List<String> keys(String file) throws IOException {
        return Files.readAllLines(Path.of("src/main/resources", file), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("=") && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')).trim())
                .toList();
    }
}
