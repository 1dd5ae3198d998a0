package ua.clusterflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.membership.process.MembershipProcess;

/** The member register, each member's membership page, its people, leaving, and the cluster's terms, over HTTP. */
class MembershipControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired MembershipService membership;
    @Autowired Memberships memberships;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired ClusterDirectory directory;
    @Autowired OrganisationDetails details;

    private long org;
    private String contact;
    private String name;

    @BeforeEach
    void aMemberWithAnOpenYear() {
        String suffix = Long.toString(System.nanoTime(), 36);
        contact = "reg-" + suffix;
        name = "ТОВ «Реєстрова» " + suffix;
        directory.createPerson(contact, "Роман", "Реєстровий", contact + "@example.com", "uk", null);
        directory.grant(contact, "kharkiv", Role.MEMBER);
        org = organisations.insert(new MemberOrganisation(null, "kharkiv", name, newEdrpou(), "startup",
                "it", 8, "Харківська", "Програмне забезпечення", null, contact, null, null, null));
        membership.openYear(org, AppClock.today().plusMonths(6));
    }

    @Test
    void theRegisterListsEveryMemberWithItsStatusAndFiltersAndExportsIt() throws Exception {
        mvc.perform(get("/members").with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-org=\"" + org + "\"")))
                .andExpect(content().string(containsString(contact + "@example.com")));
        mvc.perform(get("/members").param("status", "LAPSED").with(as("olena")))
                .andExpect(content().string(not(containsString("data-org=\"" + org + "\""))));
        mvc.perform(get("/members").param("category", "startup").param("status", "CURRENT").with(as("petro")))
                .andExpect(content().string(containsString("data-org=\"" + org + "\"")));

        byte[] book = mvc.perform(get("/members/export").param("category", "startup").with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("members-kharkiv-")))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("Статус");
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 2) {
                    names.add(row.getCell(0).getStringCellValue());
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Стартап");
                }
            }
        }
        assertThat(names).contains(name);
    }

    @Test
    void membersGivingNoticeShowTheirLastDayAndHaveAFilterOfTheirOwn() throws Exception {
        String page = mvc.perform(get("/members").param("status", "NOTICE").with(as("olena")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document register = Jsoup.parse(page);
        assertThat(register.select("tr[data-org]")).as("the demo's member giving notice").isNotEmpty()
                .allMatch(row -> !row.select("[data-notice-until]").isEmpty());
        assertThat(register.select("#filter-status option[selected]").attr("value")).isEqualTo("NOTICE");
    }

    @Test
    void membersAndStrangersDoNotSeeTheRegister() throws Exception {
        mvc.perform(get("/members").with(as("nadia"))).andExpect(status().isForbidden());
        mvc.perform(get("/members/export").with(as("nadia"))).andExpect(status().isForbidden());
        mvc.perform(get("/members").param("cluster", "zaporizhzhia").with(as("olena"))).andExpect(status().isNotFound());
        mvc.perform(get("/members/" + org).with(as("bohdan"))).andExpect(status().isNotFound());
        mvc.perform(get("/members/" + org).with(as("nadia"))).andExpect(status().isNotFound());
        mvc.perform(get("/members/" + org).with(as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"resign-form\"")))
                .andExpect(content().string(not(containsString("id=\"exclusion-form\""))));
    }

    @Test
    void theMainContactAddsAPersonWhoIsInvitedAndRemovesThem() throws Exception {
        String email = "expert-" + org + "@example.com";
        mvc.perform(post("/members/" + org + "/people").with(as(contact)).with(csrf()).param("firstName", "Олег")
                        .param("lastName", "").param("email", "not-an-address").param("role", "EXPERT"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-lastName\"")))
                .andExpect(content().string(containsString("id=\"e-email\"")))
                .andExpect(content().string(containsString("value=\"Олег\"")))
                .andExpect(content().string(containsString("value=\"not-an-address\"")));
        mvc.perform(post("/members/" + org + "/people").with(as(contact)).with(csrf()).param("firstName", "Олег")
                        .param("lastName", "Експертний").param("email", email).param("role", "EXPERT"))
                .andExpect(status().is3xxRedirection());
        String expert = directory.personByEmail(email).orElseThrow().id();
        assertThat(organisations.people(org)).anyMatch(p -> p.userId().equals(expert)
                && p.role() == OrganisationRole.EXPERT);
        assertThat(subjectsTo(email)).anyMatch(s -> s.startsWith("Запрошення до ClusterFlow"));
        assertThat(organisations.idsForContact(expert)).contains(org);

        mvc.perform(post("/members/" + org + "/people/" + contact + "/remove").with(as(contact)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations.people(org)).anyMatch(p -> p.userId().equals(contact));
        mvc.perform(post("/members/" + org + "/people/" + expert + "/remove").with(as(expert)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/members/" + org + "/people/" + expert + "/remove").with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations.people(org)).noneMatch(p -> p.userId().equals(expert));
        assertThat(organisations.idsForContact(expert)).isEmpty();
        assertThat(user(expert).has("kharkiv", Role.MEMBER)).isFalse();
        mvc.perform(get("/members/" + org).with(as("olena")))
                .andExpect(content().string(containsString("Додано особу: Олег Експертний")))
                .andExpect(content().string(containsString("Вилучено особу: Олег Експертний")));
    }

    /**
     * Leaving is confirmed, not a single click: without the box ticked nothing happens and the reason typed stays.
     * The notice can be withdrawn while it runs: the organisation stays a member, its notice timer is gone, and the
     * history and the mails say so.
     */
    @Test
    void theMainContactResignsWithAConfirmationAndCanWithdrawTheNotice() throws Exception {
        mvc.perform(post("/members/" + org + "/resign").with(as(contact)).with(csrf()).param("reason", " ")
                        .param("confirm", "yes"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-reason\"")));
        mvc.perform(post("/members/" + org + "/resign").with(as(contact)).with(csrf())
                        .param("reason", "Змінюємо профіль діяльності"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-confirm\"")))
                .andExpect(content().string(containsString("Змінюємо профіль діяльності")));
        assertThat(memberships.noticeUntil(org)).isEmpty();
        mvc.perform(post("/members/" + org + "/resign").with(as("nadia")).with(csrf()).param("reason", "Ні")
                        .param("confirm", "yes"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/" + org + "/resign").with(as(contact)).with(csrf())
                        .param("reason", "Змінюємо профіль діяльності").param("confirm", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(memberships.noticeUntil(org)).contains(AppClock.today().plusDays(30));
        mvc.perform(get("/members/" + org).with(as(contact)))
                .andExpect(content().string(containsString("id=\"notice-until\"")))
                .andExpect(content().string(containsString("id=\"withdraw-notice-form\"")))
                .andExpect(content().string(not(containsString("id=\"resign-form\""))));
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Заяву про вихід отримано: " + name);
        String year = runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.KEY)
                .variableValueEquals("organisationId", org).singleResult().getId();
        assertThat(management.createJobQuery().processInstanceId(year).activityId("Timer_NoticeEnds").count()).isOne();

        mvc.perform(post("/members/" + org + "/notice/withdraw").with(as("nadia")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/" + org + "/notice/withdraw").with(as(contact)).with(csrf()))
                .andExpect(redirectedUrl("/members/" + org))
                .andExpect(flash().attribute("message", "membership.notice.withdrawn"));
        assertThat(memberships.noticeUntil(org)).isEmpty();
        assertThat(organisations.find(org).orElseThrow().status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(management.createJobQuery().processInstanceId(year).activityId("Timer_NoticeEnds").count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(year)
                .activityId("End_StaysMember").finished().count()).isOne();
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Заяву про вихід відкликано: " + name);
        mvc.perform(get("/members/" + org).with(as(contact)))
                .andExpect(content().string(containsString("Заяву про вихід відкликано")))
                .andExpect(content().string(containsString("id=\"resign-form\"")));
        mvc.perform(post("/members/" + org + "/notice/withdraw").with(as(contact)).with(csrf()))
                .andExpect(flash().attribute("error", "membership.notice.withdraw.refused"));
    }

    /** A coordinator corrects a name, a code and a category; the history keeps what they were. */
    @Test
    void aCoordinatorCorrectsTheRegistersDetailsOfAMember() throws Exception {
        String taken = organisations.find(organisations.idsForContact("nadia").get(0)).orElseThrow().edrpou();
        mvc.perform(get("/members/" + org + "/details").with(as(contact))).andExpect(status().isNotFound());
        mvc.perform(get("/members/" + org + "/details").with(as("iryna"))).andExpect(status().isNotFound());
        mvc.perform(get("/members/" + org).with(as("olena")))
                .andExpect(content().string(containsString("id=\"edit-details\"")));
        mvc.perform(post("/members/" + org + "/details").with(as("olena")).with(csrf()).param("name", "=1+1")
                        .param("edrpou", taken).param("category", "sme").param("region", "").param("headcount", "0"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-name\"")))
                .andExpect(content().string(containsString("Інша організація кластера")))
                .andExpect(content().string(containsString("id=\"e-headcount\"")))
                .andExpect(content().string(containsString("id=\"e-sectors\"")))
                .andExpect(content().string(containsString("value=\"=1+1\"")));
        String code = newEdrpou();
        mvc.perform(post("/members/" + org + "/details").with(as("olena")).with(csrf()).param("name", "ТОВ «Виправлена»")
                        .param("edrpou", code).param("category", "sme").param("sectors", "it", "automation")
                        .param("region", "Харківська").param("headcount", "12"))
                .andExpect(redirectedUrl("/members/" + org));
        MemberOrganisation corrected = organisations.find(org).orElseThrow();
        assertThat(corrected.name()).isEqualTo("ТОВ «Виправлена»");
        assertThat(corrected.edrpou()).isEqualTo(code);
        assertThat(corrected.category()).isEqualTo("sme");
        assertThat(corrected.headcount()).isEqualTo(12);
        assertThat(corrected.sectors()).as("in the form's order").isEqualTo("automation,it");
        mvc.perform(get("/members/" + org).with(as("olena")))
                .andExpect(content().string(containsString("Виправлено відомості: " + name + " → ТОВ «Виправлена»")));

        // two coordinators at once: the later one sees the earlier's change beside her own values, nothing is lost
        MemberOrganisation read = organisations.find(org).orElseThrow();
        mvc.perform(get("/members/" + org + "/details").with(as("olena")))
                .andExpect(content().string(containsString("name=\"was.name\" value=\"ТОВ «Виправлена»\"")));
        Map<String, String> other = new HashMap<>(OrganisationDetails.typed(read));
        other.put("name", "ТОВ «Інша правка»");
        assertThat(details.save(read, other, "olena")).isTrue();
        mvc.perform(post("/members/" + org + "/details").with(as("olena")).with(csrf()).param("name", "ТОВ «Моя правка»")
                        .param("edrpou", code).param("category", "sme").param("sectors", "automation", "it")
                        .param("region", "Харківська")
                        .param("headcount", "12").param("was.name", "ТОВ «Виправлена»").param("was.edrpou", code)
                        .param("was.category", "sme").param("was.region", "Харківська").param("was.headcount", "12"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Тепер у реєстрі: ТОВ «Інша правка»")))
                .andExpect(content().string(containsString("value=\"ТОВ «Моя правка»\"")))
                .andExpect(content().string(containsString("name=\"was.name\" value=\"ТОВ «Інша правка»\"")));
        assertThat(organisations.find(org).orElseThrow().name()).isEqualTo("ТОВ «Інша правка»");
        mvc.perform(post("/members/" + org + "/details").with(as("olena")).with(csrf()).param("name", "ТОВ «Моя правка»")
                        .param("edrpou", code).param("category", "sme").param("sectors", "automation", "it")
                        .param("region", "Харківська").param("headcount", "12").param("reason", "Назва з виписки ЄДР")
                        .param("was.name", "ТОВ «Інша правка»").param("was.edrpou", code).param("was.category", "sme")
                        .param("was.region", "Харківська").param("was.headcount", "12"))
                .andExpect(redirectedUrl("/members/" + org));
        assertThat(organisations.find(org).orElseThrow().name()).isEqualTo("ТОВ «Моя правка»");
        mvc.perform(get("/members/" + org).with(as("olena"))).andExpect(content().string(containsString(
                "ТОВ «Інша правка» → ТОВ «Моя правка» (Назва з виписки ЄДР)")));
    }

    @Test
    void aCoordinatorPutsAnExclusionToTheBoard() throws Exception {
        mvc.perform(post("/members/" + org + "/exclusion").with(as(contact)).with(csrf()).param("grounds", "Так"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/members/" + org + "/exclusion").with(as("olena")).with(csrf()).param("grounds", ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-grounds\"")));
        mvc.perform(post("/members/" + org + "/exclusion").with(as("olena")).with(csrf())
                        .param("grounds", "Порушення статуту: двічі не сплачено внесок"))
                .andExpect(status().is3xxRedirection());
        assertThat(membership.exclusionRunning(org)).isTrue();
        mvc.perform(get("/members/" + org).with(as("iryna")))
                .andExpect(content().string(containsString("id=\"exclusion-running\"")))
                .andExpect(content().string(not(containsString("id=\"exclusion-form\""))));
        assertThat(organisations.find(org).orElseThrow().status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.KEY)
                .processInstanceBusinessKey(MembershipService.businessKey(org, AppClock.today().plusMonths(6)))
                .count()).isEqualTo(1);
    }

    @Test
    void aCoordinatorSetsTheTermsAndBadInputIsExplainedBesideTheField() throws Exception {
        mvc.perform(get("/members/terms").with(as("iryna"))).andExpect(status().isForbidden());
        mvc.perform(post("/members/terms").with(as("olena")).with(csrf()).param("renewalDay", "31.02")
                        .param("paymentDays", "тридцять").param("graceDays", "30").param("noticeDays", "60"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-renewalDay\"")))
                .andExpect(content().string(containsString("id=\"e-paymentDays\"")))
                .andExpect(content().string(containsString("value=\"тридцять\"")));
        MembershipTerms before = memberships.terms("kharkiv");
        try {
            mvc.perform(post("/members/terms").with(as("olena")).with(csrf()).param("renewalDay", "01.01")
                            .param("paymentDays", "20").param("graceDays", "45").param("noticeDays", "60"))
                    .andExpect(status().is3xxRedirection());
            MembershipTerms saved = memberships.terms("kharkiv");
            assertThat(saved.renewalDay()).isEqualTo(MonthDay.of(1, 1));
            assertThat(saved.graceDays()).isEqualTo(45);
            mvc.perform(get("/members/terms").with(as("olena")))
                    .andExpect(content().string(containsString("value=\"01.01\"")));
        } finally {
            memberships.saveTerms(before, "test");
        }
    }
}
