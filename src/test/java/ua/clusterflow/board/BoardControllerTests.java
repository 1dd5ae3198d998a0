package ua.clusterflow.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/** The board's vote page as board members read it, each ballot cast through the task form. */
class BoardControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ClusterDirectory directory;

    @Test
    void aBallotWithoutACommentShowsNoneAndThePageNamesTheQuestionAndTheCoordinatorsWord() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Питання правлінню»", newEdrpou(), "question@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);
        // first more information is asked for, then the amended application is accepted with a word for the board
        mvc.perform(post("/tasks/" + review.getId()).with(as("olena")).with(csrf())
                .param("reviewDecision", "moreInfo").param("reviewComment", "Додайте витяг з ЄДР"))
                .andExpect(redirectedUrl("/tasks"));
        runtime.createMessageCorrelation(OnboardingProcess.MSG_APPLICATION_AMENDED)
                .processInstanceBusinessKey(app.reference()).correlate();
        mvc.perform(post("/tasks/" + task(app.reference(), OnboardingProcess.TASK_REVIEW).getId()).with(as("olena"))
                        .with(csrf()).param("reviewDecision", "accept").param("reviewComment", "Витяг є, рекомендую"))
                .andExpect(redirectedUrl("/tasks"));

        Task petrosBallot = ballot(app.reference(), "petro");
        String ballotPage = page("/tasks/" + petrosBallot.getId(), "petro");
        assertThat(ballotPage).contains("Витяг є, рекомендую").doesNotContain("Додайте витяг з ЄДР");

        mvc.perform(post("/tasks/" + petrosBallot.getId()).with(as("petro")).with(csrf())
                .param("vote", "approve").param("voteComment", "Підтримую")).andExpect(redirectedUrl("/tasks"));
        mvc.perform(post("/tasks/" + ballot(app.reference(), "iryna").getId()).with(as("iryna")).with(csrf())
                .param("vote", "approve").param("voteComment", "")).andExpect(redirectedUrl("/tasks"));
        mvc.perform(post("/tasks/" + ballot(app.reference(), "andriy").getId()).with(as("andriy")).with(csrf())
                .param("vote", "approve")).andExpect(redirectedUrl("/tasks"));

        String voteId = history.createHistoricProcessInstanceQuery().processDefinitionKey(BoardVoteProcess.KEY)
                .processInstanceBusinessKey(app.reference()).singleResult().getId();
        Document vote = Jsoup.parse(page("/board/votes/" + voteId, "petro"));
        assertThat(vote.select("h1").text()).isEqualTo("ТОВ «Питання правлінню»");
        assertThat(vote.title()).isEqualTo("ТОВ «Питання правлінню»");
        assertThat(vote.text()).contains("Вступ до кластера").contains("Витяг є, рекомендую");
        assertThat(comments(vote, "petro")).isEqualTo("Підтримую");
        assertThat(comments(vote, "iryna")).isEmpty();
        assertThat(comments(vote, "andriy")).isEmpty();
        assertThat(jdbc.sql("select count(*) from board_ballot where vote_id = ? and comment is not null")
                .param(voteId).query(Long.class).single()).isEqualTo(1);
        // the board's register of decisions says the outcome and what the counts are, also at a phone's width
        Element decided = Jsoup.parse(page("/board", "petro")).selectFirst("tr[data-vote=" + voteId + "]");
        assertThat(decided.select("td").eachText()).contains("Схвалено", "3 за · 0 проти · 0 утрималися");
        assertThat(decided.select("td").eachAttr("data-label")).contains("Рішення", "Підсумок", "Дата");
        // the case history keeps the coordinator's word on accepting
        assertThat(jdbc.sql("select detail from case_event where business_key = ? and action = 'board-vote'")
                .param(app.reference()).query(String.class).single()).isEqualTo("Витяг є, рекомендую");
    }

    private Task ballot(String businessKey, String voter) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).taskAssignee(voter).singleResult();
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(as(user))).andReturn().getResponse().getContentAsString();
    }

    /** The comment under a voter's ballot on the closed vote's page. */
    private String comments(Document vote, String voter) {
        String name = directory.displayName(voter);
        for (Element item : vote.select("ul.comments > li")) {
            if (item.selectFirst("strong").text().equals(name)) {
                return item.select("p").text();
            }
        }
        throw new AssertionError("no ballot of " + voter + " on the page");
    }
}
