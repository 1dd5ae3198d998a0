package ua.clusterflow.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.delegation.process.DelegationProcess;

/** The registry, proposals and the board's page as people use them. */
class RoleControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired RoleRegistry registry;

    @Test
    void onlyTheChairOrACoordinatorProposesAndBadInputIsExplained() throws Exception {
        mvc.perform(get("/roles/propose").param("cluster", "kharkiv").with(as("iryna"))).andExpect(status().isForbidden());
        mvc.perform(get("/roles/propose").param("cluster", "kharkiv").with(as("nadia"))).andExpect(status().isForbidden());
        mvc.perform(post("/roles/propose").param("cluster", "kharkiv").with(as("petro")).with(csrf())
                        .param("roleCode", "fundraising").param("nominee", "serhiy")
                        .param("responsibilities", "Гранти").param("expectedResults", "")
                        .param("hoursPerMonth", "500").param("termStart", AppClock.today().toString())
                        .param("termEnd", AppClock.today().minusDays(3).toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-nominee\"")))
                .andExpect(content().string(containsString("id=\"e-expectedResults\"")))
                .andExpect(content().string(containsString("id=\"e-hoursPerMonth\"")))
                .andExpect(content().string(containsString("id=\"e-termEnd\"")))
                .andExpect(content().string(containsString("Гранти")));
    }

    @Test
    void theRegistryShowsTheHolderToMembersAndTheBoardPageShowsTheTallyOnlyToThoseWhoVoted() throws Exception {
        mvc.perform(post("/roles/propose").param("cluster", "kharkiv").with(as("olena")).with(csrf())
                        .param("roleCode", "university-relations").param("nominee", "nadia")
                        .param("responsibilities", "Зв'язки з ХПІ").param("expectedResults", "Дві спільні лабораторії")
                        .param("hoursPerMonth", "8").param("termStart", AppClock.today().toString())
                        .param("termEnd", AppClock.today().plusYears(1).toString()))
                .andExpect(status().is3xxRedirection());
        RoleTerm term = registry.ofCluster("kharkiv").stream().filter(t -> t.roleCode().equals("university-relations")
                && t.holder().equals("nadia") && "PROPOSED".equals(t.status())).findFirst().orElseThrow();
        tasks.complete(task(term.businessKey(), DelegationProcess.TASK_CONSIDER_NOMINATION).getId(),
                Map.of(DelegationProcess.NOMINATION_ANSWER, "accept"));
        String voteId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(term.businessKey())
                .processDefinitionKey(BoardVoteProcess.KEY).singleResult().getId();

        castBallot(term.businessKey(), "petro", "approve", "Підтримую");
        mvc.perform(get("/board/votes/" + voteId).with(as("iryna")))
                .andExpect(content().string(containsString("id=\"tally-hidden\"")))
                .andExpect(content().string(not(containsString("id=\"tally\""))));
        // while the vote is open no ballot's comment is shown: the voter's own only in the form that changes it
        var petrosPage = org.jsoup.Jsoup.parse(mvc.perform(get("/board/votes/" + voteId).with(as("petro")))
                .andExpect(content().string(containsString("id=\"tally\""))).andReturn().getResponse()
                .getContentAsString());
        assertThat(petrosPage.select("ul.comments")).isEmpty();
        petrosPage.select("#change-ballot").remove();
        assertThat(petrosPage.text()).doesNotContain("Підтримую");
        mvc.perform(get("/board").with(as("iryna")))
                .andExpect(content().string(containsString("/board/votes/" + voteId)));

        for (String voter : new String[] {"iryna", "andriy", "maria"}) {
            castBallot(term.businessKey(), voter, "approve", null);
        }
        mvc.perform(get("/board/votes/" + voteId).with(as("iryna")))
                .andExpect(content().string(containsString("Підтримую")));
        mvc.perform(get("/roles").with(as("bohdan"))).andExpect(content().string(not(containsString("Надія Олійник"))));
        mvc.perform(get("/roles").with(as("nadia")))
                .andExpect(content().string(containsString("class=\"holder\"")))
                .andExpect(content().string(containsString("Надія Олійник")));
        mvc.perform(get("/board").with(as("petro")))
                .andExpect(content().string(containsString("data-vote=\"" + voteId + "\"")));
        assertThat(registry.get(term.id()).active()).isTrue();
    }

    @Test
    void aVacantRoleSaysItHasNoTermAndNoPastHoldersYet() throws Exception {
        var row = org.jsoup.Jsoup.parse(mvc.perform(get("/roles").with(as("serhiy"))).andReturn().getResponse()
                .getContentAsString()).selectFirst("tr[data-role=government-relations]");
        assertThat(row.select("td").eachText()).contains("—", "ще не було");
    }
}
