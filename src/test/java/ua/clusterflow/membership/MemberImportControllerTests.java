package ua.clusterflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.base.Spreadsheets;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;

/**
 * The import of a cluster's existing members through MockMvc: its dry run, corrections, the import, and a re-run. The
 * doors it checks (a member, another cluster's coordinator, a board member) are proven again on the real port by
 * {@link ua.clusterflow.shell.FeatureDoorsTests}.
 */
class MemberImportControllerTests extends IntegrationTest {

    private static final String HEADER = "Назва;ЄДРПОУ;Категорія;Регіон;Кількість працівників;Контактна особа;"
            + "E-mail контакту;Мова;Дата вступу;Сплачено до\n";

    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;
    @Autowired MemberImport imports;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired OrganisationDetails details;

    @Test
    void theDryRunShowsEachKindOfProblemBesideItsCellAndStoresNothing() throws Exception {
        String good = newEdrpou();
        String twice = newEdrpou();
        String nadias = organisationOf("nadia").edrpou();
        String bad = good.substring(0, 7) + ((good.charAt(7) - '0' + 1) % 10);
        String csv = HEADER
                + "ТОВ «Добра»;" + good + ";МСП;Харківська;10;Ольга Добра;dobra-" + good + "@example.com;uk;01.09.2023;01.09.2027\n"
                + "ТОВ «Хибна»;" + bad + ";sme;;10;Ігор Хибний;khybna@example.com;;01.09.2023;01.09.2027\n"
                + "ТОВ «Двічі»;" + twice + ";SME;;10;Дарина Двічі;dvichi@example.com;;01.09.2023;01.09.2027\n"
                + "ТОВ «Двічі ще раз»;" + twice + ";sme;;10;Дарина Двічі;dvichi2@example.com;;01.09.2023;01.09.2027\n"
                + "ТОВ «Промавтоматика»;" + nadias + ";sme;;45;Надія Олійник;nadia@clusterflow.local;;01.09.2023;01.09.2027\n"
                + "ТОВ «Невідома»;" + newEdrpou() + ";Кооператив;;10;Кирило Невідомий;nevidoma@example.com;;01.09.2023;01.09.2027\n"
                + "ТОВ «Без пошти»;" + newEdrpou() + ";sme;;10;Борис Безпоштовий;;;01.09.2023;01.09.2027\n";
        String page = dryRun(csv);

        assertThat(page).contains("data-good=\"2\"", "data-problems=\"5\"");
        assertThat(problem(page, 3, "edrpou")).isEqualTo("Код ЄДРПОУ має складатися з 8 цифр із правильною контрольною цифрою.");
        assertThat(problem(page, 5, "edrpou")).isEqualTo("Той самий ЄДРПОУ, що в рядку 4.");
        assertThat(problem(page, 6, "edrpou")).isEqualTo("Уже є учасником кластера: цей рядок пропущено.");
        assertThat(problem(page, 7, "category")).startsWith("Невідома категорія; можливі: МСП, Велике підприємство");
        assertThat(problem(page, 8, "contactEmail")).startsWith("Немає e-mail контактної особи");
        assertThat(page).doesNotContain("id=\"e-2-").doesNotContain("id=\"e-4-");
        assertThat(page).contains("value=\"" + bad + "\"").as("what the file said, to correct in place");
        assertThat(count("ТОВ «Добра»")).as("a dry run stores no member").isZero();
    }

    @Test
    void theGoodRowsAreBroughtInOnceAndARerunOfTheSameFileChangesNothing() throws Exception {
        String first = newEdrpou();
        String second = newEdrpou();
        String csv = HEADER
                + "ТОВ «Перша перенесена»;" + first + ";МСП;Харківська;12;Олег Перший;pershyi-" + first
                + "@example.com;en;15.03.2022;2027-03-15\n"
                + "Університет «Другий»;" + second + ";University;;900;Ганна Друга;druha-" + second
                + "@example.com;;01.09.2021;01.09.2027\n"
                + "ТОВ «Без пошти»;" + newEdrpou() + ";sme;;10;Борис Безпоштовий;;;01.09.2023;01.09.2027\n";
        String id = upload(csv);
        mvc.perform(post("/members/import/" + id).with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/members/import/" + id).with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(count("ТОВ «Перша перенесена»")).as("once, after a double click").isEqualTo(1);
        MemberOrganisation imported = jdbc.sql("select * from member_organisation where edrpou = ?").param(first)
                .query(MemberOrganisationRepository::toOrganisation).single();
        assertThat(imported.status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(imported.paidUntil()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(imported.joinedAt().atZone(AppClock.KYIV).toLocalDate())
                .isEqualTo(LocalDate.of(2022, 3, 15));
        assertThat(imported.category()).isEqualTo("sme");
        String contact = directory.personByEmail("pershyi-" + first + "@example.com").orElseThrow().id();
        assertThat(imported.contactUser()).isEqualTo(contact);
        assertThat(user(contact).has("kharkiv", Role.MEMBER)).isTrue();
        assertThat(subjectsTo("pershyi-" + first + "@example.com")).containsExactly(
                "Invitation to ClusterFlow: Харківський ІАМ-кластер");
        assertThat(body(mailsTo("pershyi-" + first + "@example.com").get(0)))
                .contains("for &quot;ТОВ «Перша перенесена»&quot;, a member of the cluster").contains("Main contact");
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(MembershipService.businessKey(imported.id(), LocalDate.of(2027, 3, 15)))
                .count()).as("the next year waits for its renewal").isEqualTo(1);
        mvc.perform(post("/login").with(csrf()).param("username", contact).param("password", ""))
                .andExpect(redirectedUrl("/login?error&user=" + contact));
        mvc.perform(get("/members").with(as("olena")))
                .andExpect(content().string(containsString("data-org=\"" + imported.id() + "\"")));

        long before = jdbc.sql("select count(*) from member_organisation").query(Long.class).single();
        String again = upload(csv);
        String page = mvc.perform(get("/members/import/" + again).with(as("olena"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-good=\"0\"");
        assertThat(problem(page, 2, "edrpou")).startsWith("Уже є учасником кластера");
        mvc.perform(post("/members/import/" + again).with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from member_organisation").query(Long.class).single()).isEqualTo(before);
        assertThat(subjectsTo("pershyi-" + first + "@example.com")).hasSize(1);
    }

    @Test
    void aRowCorrectedInTheDryRunIsCheckedAgain() throws Exception {
        String edrpou = newEdrpou();
        String id = upload(HEADER + "ТОВ «Виправна»;" + edrpou + ";Кооператив;;10;Віра Виправна;;;01.09.2023;01.09.2027\n");
        mvc.perform(post("/members/import/" + id + "/rows/2").with(as("olena")).with(csrf())
                        .param("category", "Стартап").param("contactEmail", "vira-" + edrpou + "@example.com"))
                .andExpect(redirectedUrl("/members/import/" + id + "#row-2"));
        mvc.perform(get("/members/import/" + id).with(as("olena")))
                .andExpect(content().string(containsString("data-good=\"1\"")))
                .andExpect(content().string(not(containsString("id=\"e-2-"))));
    }

    @Test
    void theTemplateInEitherLanguageReadsBackAsAGoodRow() throws Exception {
        for (String lang : List.of("uk", "en")) {
            byte[] template = mvc.perform(get("/members/import/template.xlsx").param("lang", lang).with(as("olena")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            String id = mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "members.xlsx",
                            "application/octet-stream", template)).with(as("olena")).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl()
                    .replace("/members/import/", "");
            mvc.perform(get("/members/import/" + id).with(as("olena")))
                    .andExpect(content().string(containsString("data-good=\"1\"")));
        }
        byte[] csv = mvc.perform(get("/members/import/template.csv").param("lang", "en").with(as("olena")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("Name;EDRPOU;Category");
    }

    @Test
    void aFileThatIsNoRegisterIsRefusedBesideTheFieldAndStrangersSeeNoUpload() throws Exception {
        mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "report.pdf", "application/pdf",
                        "%PDF-1.7 ...".getBytes())).with(as("olena")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-file\"")));
        mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "list.csv", "text/csv",
                        "a,b,c\n1,2,3\n".getBytes())).with(as("olena")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Не знайдено рядка заголовків")));

        String id = upload(HEADER + "ТОВ «Чужа»;" + newEdrpou() + ";sme;;10;Чужий Контакт;chuzha@example.com;;01.09.2023;01.09.2027\n");
        mvc.perform(get("/members/import").with(as("nadia"))).andExpect(status().isForbidden());
        mvc.perform(get("/members/import/" + id).with(as("nadia"))).andExpect(status().isNotFound());
        mvc.perform(get("/members/import/" + id).with(as("serhiy"))).andExpect(status().isNotFound());
        mvc.perform(post("/members/import/" + id).with(as("serhiy")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/members/import/" + id).with(as("petro"))).andExpect(status().isNotFound());
        assertThat(count("ТОВ «Чужа»")).isZero();
    }

    @Test
    void aRegisterSavedByExcelInWindows1251WithNumbersForCodesIsRead() throws Exception {
        String edrpou = "0" + newEdrpou().substring(1);
        String padded = edrpou.substring(0, 7);
        String code = padded + Edrpou.checkDigit(padded);
        String csv = HEADER + "ТОВ «Кодова»;" + Long.parseLong(code) + ";МСП;;10;Кирило Кодовий;kodova@example.com;;"
                + "01.09.2023;01.09.2027\n";
        String id = mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "реєстр.csv", "text/csv",
                        csv.getBytes("windows-1251"))).with(as("olena")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl().replace("/members/import/", "");
        String page = mvc.perform(get("/members/import/" + id).with(as("olena"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("ТОВ «Кодова»");
        assertThat(page).contains("data-good=\"1\"");
    }

    /**
     * A register exported from a spreadsheet of the cluster's own: its headers are not the template's, and some of
     * the template's columns are missing. The columns are guessed, the coordinator confirms them and gives one value
     * for every row where the file has none; a name that is a formula is flagged, never brought in as its result;
     * after the import the page says what it brought in.
     */
    @Test
    void aRegisterWithItsOwnHeadersIsMappedByGuessAndConfirmation() throws Exception {
        String first = newEdrpou();
        String second = newEdrpou();
        String csv = "№;Назва організації;Код ЄДРПОУ;E-mail;ПІБ контактної особи;Телефон\n"
                + "1;ТОВ «Власні стовпці»;" + first + ";vlasni-" + first + "@example.com;Оксана Власна;+380501112233\n"
                + "2;=1+1;" + second + ";formula-" + second + "@example.com;Федір Формула;+380501112234\n";
        String id = upload(csv);
        mvc.perform(get("/members/import/" + id).with(as("olena")))
                .andExpect(redirectedUrl("/members/import/" + id + "/columns"));
        var page = org.jsoup.Jsoup.parse(mvc.perform(get("/members/import/" + id + "/columns").with(as("olena")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#column-name option[selected]").text()).startsWith("Назва організації");
        assertThat(page.select("#column-edrpou option[selected]").text()).startsWith("Код ЄДРПОУ");
        assertThat(page.select("#column-contactEmail option[selected]").text()).startsWith("E-mail");
        assertThat(page.select("#column-contactName option[selected]").text()).startsWith("ПІБ контактної особи");
        assertThat(page.select("#column-category option[selected]")).isEmpty();
        assertThat(page.select("#column-headcount option[selected]")).isEmpty();

        mvc.perform(post("/members/import/" + id + "/columns").with(as("olena")).with(csrf())
                        .param("column.name", "1").param("column.edrpou", "2").param("column.contactEmail", "3")
                        .param("column.contactName", "4").param("same.category", "МСП").param("same.headcount", "20")
                        .param("same.joinedOn", "01.09.2023").param("same.paidUntil", "01.09.2027"))
                .andExpect(redirectedUrl("/members/import/" + id));
        String dryRun = mvc.perform(get("/members/import/" + id).with(as("olena"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(dryRun).contains("data-good=\"1\"", "data-problems=\"1\"");
        assertThat(problem(dryRun, 3, "name")).isEqualTo("Схоже на формулу таблиці, а не на текст: впишіть значення.");

        mvc.perform(post("/members/import/" + id).with(as("olena")).with(csrf())).andExpect(status().is3xxRedirection());
        var done = org.jsoup.Jsoup.parse(mvc.perform(get("/members/import/" + id).with(as("olena")))
                .andReturn().getResponse().getContentAsString());
        assertThat(done.getElementById("summary").text()).isEqualTo("Прочитано рядків: 2; імпортовано: 1; не імпортовано: 1.");
        assertThat(done.select("#row-2 [data-brought=true], tr#row-2[data-brought=true]")).isNotEmpty();
        assertThat(count("ТОВ «Власні стовпці»")).isEqualTo(1);
        assertThat(count("=1+1")).isZero();
        assertThat(count("2")).isZero();
        mvc.perform(get("/members/import/" + id + "/columns").with(as("olena")))
                .andExpect(redirectedUrl("/members/import/" + id));
    }

    /** An XLSX register whose name cell holds a formula reads as the formula, flagged, not as its result. */
    @Test
    void aFormulaInAWorkbookIsReadAsTheFormula() throws Exception {
        String edrpou = newEdrpou();
        byte[] book = Spreadsheets.xlsx(workbook -> {
            var sheet = workbook.createSheet("Members");
            Spreadsheets.header(sheet, 0, List.of("Назва", "ЄДРПОУ", "Категорія",
                    "Кількість працівників", "Контактна особа", "E-mail контакту", "Дата вступу", "Сплачено до"));
            var row = sheet.createRow(1);
            row.createCell(0).setCellFormula("1+1");
            row.createCell(1).setCellValue(edrpou);
            row.createCell(2).setCellValue("МСП");
            row.createCell(3).setCellValue(10);
            row.createCell(4).setCellValue("Ірина Книжна");
            row.createCell(5).setCellValue("knyzhna-" + edrpou + "@example.com");
            row.createCell(6).setCellValue(LocalDate.of(2023, 9, 1));
            row.getCell(6).setCellStyle(Spreadsheets.dates(workbook, "dd.mm.yyyy"));
            row.createCell(7).setCellValue("01.09.2027");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        String id = mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "members.xlsx",
                        "application/octet-stream", book)).with(as("olena")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl().replace("/members/import/", "");
        String page = mvc.perform(get("/members/import/" + id).with(as("olena"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"=1+1\"", "01.09.2023").doesNotContain("2023-09-01");
        assertThat(problem(page, 2, "name")).startsWith("Схоже на формулу");
    }

    @Test
    void anImportIsUndoneAsAWholeOnlyWhileNothingElseHappenedToItsOrganisations() throws Exception {
        String first = newEdrpou();
        String second = newEdrpou();
        String csv = HEADER
                + "ТОВ «Скасовна перша»;" + first + ";МСП;Харківська;12;Олег Скасовний;skas-" + first
                + "@example.com;;15.03.2022;2027-03-15\n"
                + "ТОВ «Скасовна друга»;" + second + ";МСП;Харківська;40;Ганна Скасовна;skas-" + second
                + "@example.com;;01.09.2021;01.09.2027\n";
        String id = upload(csv);
        mvc.perform(post("/members/import/" + id).with(as("olena")).with(csrf())).andExpect(status().is3xxRedirection());
        long firstId = organisationId(first);
        long secondId = organisationId(second);
        String contact = directory.personByEmail("skas-" + first + "@example.com").orElseThrow().id();
        mvc.perform(get("/members/import/" + id).with(as("olena")))
                .andExpect(content().string(containsString("id=\"undo-form\"")));

        // a coordinator corrects one organisation's headcount: the undo is refused, naming it, and removes nothing
        MemberOrganisation org = organisations.find(secondId).orElseThrow();
        java.util.Map<String, String> typed = new java.util.HashMap<>(OrganisationDetails.typed(org));
        typed.put("headcount", "41");
        typed.put("reason", "Уточнено");
        assertThat(details.save(org, typed, "olena")).isTrue();
        mvc.perform(post("/members/import/" + id + "/undo").with(as("olena")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("id=\"obstacles\"")))
                .andExpect(content().string(containsString("ТОВ «Скасовна друга»")))
                .andExpect(content().string(not(containsString("<strong>ТОВ «Скасовна перша»</strong>"))));
        assertThat(organisations.find(firstId)).isPresent();
        assertThat(organisations.find(secondId)).isPresent();

        // the same import's twin, untouched, is undone: its organisations, their year cases and their engine cases go
        String third = newEdrpou();
        String other = upload(HEADER + "ТОВ «Скасовна третя»;" + third + ";МСП;Харківська;5;Ірина Скасовна;skas-"
                + third + "@example.com;;01.02.2023;01.02.2027\n");
        mvc.perform(post("/members/import/" + other).with(as("olena")).with(csrf())).andExpect(status().is3xxRedirection());
        long thirdId = organisationId(third);
        String year = MembershipService.businessKey(thirdId, LocalDate.of(2027, 2, 1));
        String thirdContact = directory.personByEmail("skas-" + third + "@example.com").orElseThrow().id();
        mvc.perform(post("/members/import/" + other + "/undo").with(as("serhiy")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/import/" + other + "/undo").with(as("olena")).with(csrf()))
                .andExpect(redirectedUrl("/members/import/" + other + "?cluster=kharkiv"));
        assertThat(organisations.find(thirdId)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(year).count()).isZero();
        assertThat(jdbc.sql("select count(*) from case_record where business_key = ?").param(year).query(Long.class)
                .single()).isZero();
        assertThat(user(thirdContact).has("kharkiv", Role.MEMBER)).as("the contact the import invited").isFalse();
        mvc.perform(get("/members/import/" + other).with(as("olena")))
                .andExpect(content().string(containsString("id=\"undone\"")))
                .andExpect(content().string(not(containsString("id=\"undo-form\""))));
        // a second click undoes nothing more
        mvc.perform(post("/members/import/" + other + "/undo").with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(user(contact).has("kharkiv", Role.MEMBER)).isTrue();
    }

    private long organisationId(String edrpou) {
        return jdbc.sql("select id from member_organisation where edrpou = ?").param(edrpou).query(Long.class).single();
    }

    private String upload(String csv) throws Exception {
        return mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "members.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl()
                .replace("/members/import/", "");
    }

    private String dryRun(String csv) throws Exception {
        return mvc.perform(get("/members/import/" + upload(csv)).with(as("olena"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The problem shown beside one cell of the dry run. */
    private static String problem(String page, int line, String field) {
        var element = org.jsoup.Jsoup.parse(page).getElementById("e-" + line + "-" + field);
        assertThat(element).as("a problem beside row %s, %s", line, field).isNotNull();
        return element.text();
    }

    private long count(String name) {
        return jdbc.sql("select count(*) from member_organisation where name = ?").param(name).query(Long.class).single();
    }

    private MemberOrganisation organisationOf(String userId) {
        return jdbc.sql("select * from member_organisation where contact_user = ? limit 1").param(userId)
                .query(MemberOrganisationRepository::toOrganisation).single();
    }
}
