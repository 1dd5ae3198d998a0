package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;

/**
 * Every size limit, met over the real port as a browser meets it: a field over its own limit is named beside it with
 * the rest of the form kept, in the reader's language; a request over the container's limits gets a page naming the
 * limit, never one that says the person has no access or that a file is too large when none was sent.
 */
class SizeLimitTests extends IntegrationTest {

    @LocalServerPort int port;

    @Test
    void aFileOverItsFieldsLimitIsNamedBesideTheFieldWithTheFormKept() throws Exception {
        try (RealDoor applicant = RealDoor.from(port, "127.0.44.1")) {
            applicant.get("/apply/kharkiv");
            RealDoor.Answer answer = applicant.postWithFile("/apply/kharkiv", application("Файл завеликий"),
                    "registrationExtract", "extract.pdf", pdf(30 * 1024 * 1024));
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.body()).contains("id=\"e-registrationExtract\"").contains("10 МБ")
                    .contains("value=\"ТОВ «Файл завеликий»\"");
        }
    }

    @Test
    void aLongTextAndAFormOfManyPartsReachTheFieldsOwnLimits() throws Exception {
        try (RealDoor applicant = RealDoor.from(port, "127.0.44.2")) {
            applicant.get("/apply/kharkiv");
            Map<String, String> fields = application("Довгий текст");
            fields.put("offers", "а".repeat(3 * 1024 * 1024));
            for (int i = 0; i < 60; i++) {
                fields.put("extra" + i, "x");
            }
            RealDoor.Answer answer = applicant.postWithFile("/apply/kharkiv", fields, null, null, null);
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.body()).contains("id=\"e-offers\"").containsPattern("Не більше 4.000 символів")
                    .contains("value=\"ТОВ «Довгий текст»\"").doesNotContain("Файл завеликий");
        }
    }

    @Test
    void aRequestOverTheWholeLimitGetsAPageNamingItNotAnAccessError() throws Exception {
        try (RealDoor applicant = RealDoor.from(port, "127.0.44.3")) {
            applicant.get("/lang?to=en&back=/apply/kharkiv");
            applicant.get("/apply/kharkiv");
            RealDoor.Answer file = applicant.postWithFile("/apply/kharkiv", application("Забагато"),
                    "registrationExtract", "extract.pdf", pdf(81 * 1024 * 1024));
            assertThat(file.status()).isEqualTo(413);
            assertThat(file.body()).contains("id=\"too-large\"").contains("at most 80 MB");

            Map<String, String> form = application("Забагато тексту");
            form.put("offers", "б".repeat(6 * 1024 * 1024));
            RealDoor.Answer text = applicant.post("/apply/kharkiv", form);
            assertThat(text.status()).isEqualTo(413);
            assertThat(text.body()).contains("id=\"too-large\"").contains("at most 80 MB").doesNotContain("no access");
        }
    }

    @Test
    void aGuestsNameOverItsLimitIsNamedBesideTheField() throws Exception {
        try (RealDoor guest = RealDoor.from(port, "127.0.44.4")) {
            guest.get("/meetups/MEE-00001");
            String name = "Гість".repeat(50);
            RealDoor.Answer answer = guest.post("/meetups/MEE-00001/register", Map.of("name", name,
                    "email", "long-name@example.com", "mode", "offline", "consent", "true"));
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.body()).contains("id=\"e-name\"").contains("Не більше 200 символів")
                    .contains("long-name@example.com");
        }
    }

    private static Map<String, String> application(String name) {
        Map<String, String> fields = new HashMap<>();
        CaseSteps.applicationValues("ТОВ «" + name + "»", newEdrpou(), "limits-" + UUID.randomUUID() + "@example.com")
                .forEach((key, value) -> fields.put(key, String.valueOf(value)));
        fields.put("submissionId", UUID.randomUUID().toString());
        return fields;
    }

    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, content, 0, 9);
        return content;
    }
}
