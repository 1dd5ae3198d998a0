package ua.clusterflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;
import ua.clusterflow.demo.DemoData;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * A person downloads what ClusterFlow holds about them, and an administrator erases a person on request: afterwards
 * no text column of any table, ClusterFlow's or the engine's, holds their name, address or phone, while the records
 * that must stay (the application, its case, the ballots, the invoice) are still there under the erased name.
 */
class PersonalDataTests extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;
    @Autowired CaseRepository cases;

    @Test
    void aMemberDownloadsWhatIsHeldAboutThemAndAnAdministratorErasesThemOnRequest() throws Exception {
        String edrpou = newEdrpou();
        String email = "yaryna.gudzevych." + edrpou + "@example.com";
        Map<String, Object> values = applicationValues("ТОВ «Ґудзь-Інжиніринг " + edrpou + "»", edrpou, email);
        values.put("contactName", "Ярина Ґудзевич-Стахурська");
        values.put("contactPhone", "+380671234" + edrpou.substring(0, 3));
        OnboardingApplication app = CaseSteps.onboard(onboarding, tasks, "kharkiv", values, "olena",
                List.of("petro", "iryna", "andriy"), true);
        runQueuedSteps(app.reference());
        Person person = directory.personByEmail(email).orElseThrow();
        cases.addComment(app.reference(), person.id(), person.displayName(), "Надсилаю статут, Ярина Ґудзевич-Стахурська");
        long document = cases.addDocument(app.reference(), "statut.pdf", "application/pdf", "%PDF-statut".getBytes(),
                person.id());

        // her own data, as a ZIP: the account, every record naming her, her document
        byte[] zip = mvc.perform(get("/my-data.zip").with(as(person.id())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("clusterflow-" + person.id())))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        String json = new String(entries.get("person.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"email\" : \"" + email + "\"", "\"onboarding_application\"", app.reference(),
                "\"case_comment\"", "Надсилаю статут", "\"mail_outbox\"", "\"organisation_person\"")
                .doesNotContain("pwd_", "\"password\"");
        assertThat(entries).containsKey("person.json");
        assertThat(entries.entrySet().stream().filter(e -> e.getKey().endsWith("statut.pdf")).findFirst().orElseThrow()
                .getValue()).isEqualTo("%PDF-statut".getBytes());
        mvc.perform(get("/my-data.zip")).andExpect(status().is3xxRedirection());

        // the administrator sees where she is named; a request without its reason or confirmation erases nothing
        mvc.perform(get("/admin/people/" + person.id() + "/erase").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("onboarding_application")))
                .andExpect(content().string(containsString("Ярина Ґудзевич-Стахурська")));
        mvc.perform(post("/admin/people/" + person.id() + "/erase").with(as("admin")).with(csrf())
                        .param("reason", "Лист від 7 грудня"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-confirm\"")))
                .andExpect(content().string(containsString("Лист від 7 грудня")));
        mvc.perform(post("/admin/people/admin/erase").with(as("admin")).with(csrf())
                        .param("reason", "Перевірка").param("confirm", "yes"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Власний обліковий запис видалити не можна")));
        mvc.perform(post("/admin/people/" + person.id() + "/erase").with(as("nadia")).with(csrf())
                        .param("reason", "Чужий запит").param("confirm", "yes"))
                .andExpect(status().isForbidden());
        assertThat(textsNaming(List.of(email, "Ґудзевич-Стахурська"))).isNotEmpty();

        mvc.perform(post("/admin/people/" + person.id() + "/erase").with(as("admin")).with(csrf())
                        .param("reason", "Лист від 7 грудня").param("confirm", "yes"))
                .andExpect(redirectedUrl("/admin/clusters"));

        assertThat(textsNaming(List.of(email, "Ґудзевич-Стахурська", "Ярина Ґудзевич", values.get("contactPhone")
                .toString(), person.id()))).as("text columns naming her after the erasure").isEmpty();
        String erasedAs = jdbc.sql("select erased_as from person_erasure where erased_by = 'admin' order by id desc limit 1")
                .query(String.class).single();
        assertThat(jdbc.sql("select contact_name from onboarding_application where reference = ?")
                .param(app.reference()).query(String.class).single()).isEqualTo(PersonalData.ERASED_NAME);
        assertThat(jdbc.sql("select author from case_comment where business_key = ?").param(app.reference())
                .query(String.class).list()).containsOnly(erasedAs);
        assertThat(jdbc.sql("select size_bytes, length(content) from case_document where id = ?").param(document)
                .query((rs, n) -> rs.getLong(2)).single()).isZero();
        assertThat(jdbc.sql("select count(*) from case_event where business_key = ?").param(app.reference())
                .query(Long.class).single()).isPositive();
        assertThat(cases.find(app.reference())).isPresent();
        assertThat(jdbc.sql("select subject || ' · ' || detail from audit_entry where what = 'audit.personErased' "
                + "and person = ?").param(erasedAs).query(String.class).list())
                .as("the erasure in the audit trail, under the stand-in").contains(PersonalData.ERASED_NAME
                        + " · Лист від 7 грудня");
        assertThat(directory.rolesOf(erasedAs)).isEmpty();
        assertThat(directory.checkPassword(erasedAs, "anything")).isFalse();
        assertThat(directory.personByEmail(email)).isEmpty();
        mvc.perform(get("/admin/people/" + erasedAs + "/erase").with(as("admin"))).andExpect(status().isNotFound());
    }

    /** The same doors through the real filter chain: the application on its port, each person signed in by form. */
    @Test
    void onTheRealPortOnlyAnAdministratorErasesAndEachDownloadsOnlyTheirOwnData() throws Exception {
        try (RealDoor stranger = RealDoor.from(port, "127.0.49.21"); RealDoor nadia = RealDoor.from(port, "127.0.49.22");
             RealDoor olena = RealDoor.from(port, "127.0.49.23")) {
            assertThat(stranger.get("/my-data.zip").location()).endsWith("/login");
            assertThat(nadia.signIn("nadia", DemoData.PASSWORD).location()).doesNotContain("/login");
            assertThat(olena.signIn("olena", DemoData.PASSWORD).location()).doesNotContain("/login");
            assertThat(nadia.get("/admin/people/petro/erase").status()).isEqualTo(403);
            olena.get("/tasks");
            assertThat(olena.post("/admin/people/petro/erase", Map.of("reason", "Не її запит", "confirm", "yes"))
                    .status()).isEqualTo(403);
            RealDoor.Answer own = nadia.get("/my-data.zip");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.headers().get("content-disposition")).contains("clusterflow-nadia-");
        }
        assertThat(directory.personExists("petro")).isTrue();
        assertThat(jdbc.sql("select count(*) from person_erasure where reason = 'Не її запит'").query(Long.class)
                .single()).isZero();
    }

    /** Every text column of every table, with the rows that contain any of the texts. */
    private List<String> textsNaming(List<String> texts) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying', 'character')""").query().listOfRows();
        for (Map<String, Object> column : columns) {
            String c = "\"" + column.get("column_name") + "\"";
            List<String> any = texts.stream().map(t -> "strpos(" + c + ", ?) > 0").toList();
            List<String> rows = jdbc.sql("select " + c + " from \"" + column.get("table_name") + "\" where "
                    + String.join(" or ", any)).params(texts.toArray()).query(String.class).list();
            rows.forEach(row -> found.add(column.get("table_name") + "." + column.get("column_name") + ": " + row));
        }
        return found;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
