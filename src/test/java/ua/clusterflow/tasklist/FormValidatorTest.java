package ua.clusterflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import ua.clusterflow.tasklist.engine.FormDefinitions;

/** The one form renderer's server-side checks, on the project's own form definitions. */
class FormValidatorTest {

    private final FormValidator validator = new FormValidator(null);

    @Test
    void convertsWhatWasTypedToTypedValues() throws IOException {
        FormDefinition form = load("member-onboarding/member-onboarding-application.form");
        FormSubmission result = validator.validate(form, valid(), null);
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("headcount", 42L).containsEntry("consent", true)
                .containsEntry("sectors", "automation,it");
    }

    @Test
    void reportsEachBadFieldAndKeepsTheRest() throws IOException {
        FormDefinition form = load("member-onboarding/member-onboarding-application.form");
        Map<String, List<String>> params = valid();
        params.put("headcount", List.of("сорок"));
        params.put("contactEmail", List.of("not-an-address"));
        params.put("category", List.of("pirate"));
        params.remove("consent");
        FormSubmission result = validator.validate(form, params, null);
        assertThat(result.errors().keySet()).containsExactlyInAnyOrder("headcount", "contactEmail", "category", "consent");
        assertThat(result.typed("headcount")).isEqualTo("сорок");
        assertThat(result.typed("organisationName")).isEqualTo("ТОВ «Тест»");
    }

    @Test
    void aFieldCanBeRequiredForSomeAnswersOnly() throws IOException {
        FormDefinition form = load("member-onboarding/member-onboarding-review.form");
        assertThat(validator.validate(form, Map.of("reviewDecision", List.of("accept")), null).errors()).isEmpty();
        assertThat(validator.validate(form, Map.of("reviewDecision", List.of("reject")), null).errors())
                .containsOnlyKeys("reviewComment");
    }

    @Test
    void filesAreCheckedByContentNameAndSize() throws IOException {
        FormDefinition form = load("member-onboarding/member-onboarding-application.form");
        assertThat(upload(form, "a.pdf", "%PDF-1.7 ...".getBytes()).uploads()).containsKey("registrationExtract");
        assertThat(upload(form, "a.pdf", "MZ executable".getBytes()).error("registrationExtract").code())
                .isEqualTo("error.file.type");
        assertThat(upload(form, "a.docx", "%PDF-1.7 ...".getBytes()).error("registrationExtract").code())
                .as("a PDF named .docx").isEqualTo("error.file.type");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
        assertThat(upload(form, "big.pdf", big).error("registrationExtract").code()).isEqualTo("error.file.size");
        assertThat(upload(form, "../../etc/pass\"wd.pdf", "%PDF-1.7".getBytes()).uploads().get("registrationExtract")
                .fileName()).isEqualTo("pass_wd.pdf");
    }

    private FormSubmission upload(FormDefinition form, String name, byte[] content) {
        LinkedMultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
        files.add("registrationExtract", new MockMultipartFile("registrationExtract", name, "application/pdf", content));
        return validator.validate(form, valid(), files);
    }

    private static Map<String, List<String>> valid() {
        Map<String, List<String>> params = new HashMap<>();
        params.put("organisationName", List.of("ТОВ «Тест»"));
        params.put("edrpou", List.of("14360570"));
        params.put("category", List.of("sme"));
        params.put("sectors", List.of("automation", "it"));
        params.put("headcount", List.of("42"));
        params.put("region", List.of("Харківська"));
        params.put("contactName", List.of("Ім'я Прізвище"));
        params.put("contactEmail", List.of("a@example.com"));
        params.put("offers", List.of("Послуги"));
        params.put("needs", List.of("Партнери"));
        params.put("consent", List.of("true"));
        return params;
    }

    static FormDefinition load(String path) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("forms", path))) {
            return new FormDefinitions(null, null, null).parse(in);
        }
    }
}
