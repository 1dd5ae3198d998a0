package ua.clusterflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;

/**
 * The member directory, each member's profile, and matchmaking by full-text search in Ukrainian and English, through
 * MockMvc. The doors it checks (introductions, another cluster's directory, the profile) are proven again on the real
 * port by {@link ua.clusterflow.shell.FeatureDoorsTests}.
 */
class DirectoryControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired MemberDirectory members;
    @Autowired MemberOrganisationRepository organisations;

    @Test
    void needsMatchOffersAcrossWordFormsInUkrainianAndEnglish() {
        MemberOrganisation seeker = org("ТОВ «Шукач»", null, "Шукаємо автоматизацію зварювальних ліній та welding robots");
        MemberOrganisation welder = org("ТОВ «Зварник»", "Автоматизація зварювання, роботизовані комірки", "Кадри");
        MemberOrganisation robots = org("Robotics Lab", "Industrial robots for welding", "Funding");
        MemberOrganisation accountant = org("ТОВ «Облік»", "Бухгалтерський облік для МСП", "Клієнти");

        List<String> found = members.matches(seeker, List.of("kharkiv")).stream()
                .map(m -> m.organisation().name()).toList();
        assertThat(found).contains("ТОВ «Зварник»", "Robotics Lab").doesNotContain("ТОВ «Облік»");
        assertThat(MemberDirectory.tsQuery("автоматизація", " | ")).isEqualTo("автоматиз:*");
        assertThat(welder.id()).isNotEqualTo(robots.id()).isNotEqualTo(accountant.id());
    }

    @Test
    void aCoordinatorIntroducesTwoMembersWithOneClickAndItIsCounted() throws Exception {
        long nadiasOrg = organisations.idsForContact("nadia").get(0);
        MemberOrganisation partner = organisations.find(organisations.insert(new MemberOrganisation(null, "kharkiv",
                "ТОВ «Горизонт-Проєкти»", newEdrpou(), "sme", "it", 12, "Харківська",
                "Партнери для проєктів Horizon Europe, консорціуми", "Замовники", "marta-intro", null, null, null)))
                .orElseThrow();
        int before = members.introductions("kharkiv");
        mvc.perform(get("/directory/" + nadiasOrg).with(as("olena")))
                .andExpect(content().string(containsString("data-match=\"" + partner.id() + "\"")));
        // the partner's contact has no account: only Nadia's organisation is mailed, and the coordinator is told so
        mvc.perform(post("/directory/" + nadiasOrg + "/introduce/" + partner.id()).with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "directory.introducedOne"));
        assertThat(members.introductions("kharkiv")).isEqualTo(before + 1);
        assertThat(subjectsTo("nadia@clusterflow.local")).contains("Знайомство: ТОВ «Горизонт-Проєкти»");
        mvc.perform(post("/directory/" + nadiasOrg + "/introduce/" + partner.id()).with(as("nadia")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMemberKeepsItsOwnProfileUpToDateAndBadInputIsExplained() throws Exception {
        mvc.perform(post("/profile").with(as("bohdan")).with(csrf()).param("sectors", "machinebuilding")
                        .param("headcount", "багато").param("region", "Запорізька").param("offers", "Металообробка")
                        .param("needs", "Цифрові двійники"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-headcount\"")))
                .andExpect(content().string(containsString("Цифрові двійники")));
        mvc.perform(post("/profile").with(as("bohdan")).with(csrf()).param("sectors", "machinebuilding", "it")
                        .param("headcount", "950").param("region", "Запорізька").param("offers", "Металообробка, ЧПК")
                        .param("needs", "Цифрові двійники"))
                .andExpect(status().is3xxRedirection());
        MemberOrganisation own = organisations.find(organisations.idsForContact("bohdan").get(0)).orElseThrow();
        assertThat(own.sectors()).isEqualTo("machinebuilding,it");
        assertThat(own.headcount()).isEqualTo(950);
        // the form shows what is stored, and checks what the application form checks: a region of 100 characters at most
        mvc.perform(get("/profile").with(as("bohdan")))
                .andExpect(content().string(containsString("value=\"950\"")))
                .andExpect(content().string(containsString("value=\"it\" checked")));
        mvc.perform(post("/profile").with(as("bohdan")).with(csrf()).param("sectors", "it")
                        .param("headcount", "950").param("region", "З".repeat(101)).param("offers", "Металообробка")
                        .param("needs", "Цифрові двійники"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-region\"")));
        mvc.perform(get("/profile").with(as("olena"))).andExpect(status().isNotFound());
    }

    @Test
    void theDirectoryShowsOnlyThePersonsClustersAndFilters() throws Exception {
        long nadiasOrg = organisations.idsForContact("nadia").get(0);
        mvc.perform(get("/directory").with(as("bohdan")))
                .andExpect(content().string(not(containsString("data-org=\"" + nadiasOrg + "\""))));
        mvc.perform(get("/directory/" + nadiasOrg).with(as("bohdan"))).andExpect(status().isNotFound());
        mvc.perform(get("/directory").param("q", "програмування").with(as("nadia")))
                .andExpect(content().string(containsString("data-org=\"" + nadiasOrg + "\"")));
        mvc.perform(get("/directory").param("category", "university").with(as("nadia")))
                .andExpect(content().string(not(containsString("data-org=\"" + nadiasOrg + "\""))));
    }

    private MemberOrganisation org(String name, String offers, String needs) {
        long id = organisations.insert(new MemberOrganisation(null, "kharkiv", name, newEdrpou(), "sme", "automation", 20,
                "Харківська", offers, needs, null, null, null, null));
        return organisations.find(id).orElseThrow();
    }
}
