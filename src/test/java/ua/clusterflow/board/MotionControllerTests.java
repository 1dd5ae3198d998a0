package ua.clusterflow.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.board.process.MotionProcess;

/**
 * Motions through MockMvc: put with a document, ballots changed on the vote page, the register searched. The doors it
 * checks (who may put a motion, read a vote, cast a ballot, export the minutes) are proven again on the real port by
 * {@link ua.clusterflow.shell.FeatureDoorsTests}.
 */
class MotionControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;

    @Test
    void aBoardMemberPutsAQuestionWithItsDocumentOnceAndNobodyOffTheBoardCan() throws Exception {
        mvc.perform(get("/board/motions/new").param("cluster", "kharkiv").with(as("nadia")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/board/motions/new").param("cluster", "kharkiv").with(as("serhiy")))
                .andExpect(status().isNotFound());
        mvc.perform(motion("Питання не до свого правління", AppClock.today().plusDays(5)).with(as("serhiy")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/board/motions/new").param("cluster", "kharkiv").with(as("iryna")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"motion-form\"")));

        Document refused = Jsoup.parse(mvc.perform(motion("", AppClock.today().minusDays(1)).with(as("iryna")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#e-question").text()).isNotBlank();
        assertThat(refused.select("#e-closesOn").text()).contains("щонайменше годину");
        assertThat(refused.select("#f-motionText").text()).isEqualTo("Обґрунтування, яке не губиться");

        String question = "Вступ до асоціації " + UUID.randomUUID().toString().substring(0, 8);
        String location = mvc.perform(motion(question, AppClock.today().plusDays(5)).with(as("iryna")))
                .andExpect(flash().attribute("message", "motion.proposed"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/cases/MOT-\\d{5,}");
        mvc.perform(motion(question, AppClock.today().plusDays(5)).with(as("iryna")))
                .andExpect(redirectedUrl(location));
        String key = location.substring("/cases/".length());
        assertThat(jdbc.sql("select count(*) from board_motion where question = ?").param(question)
                .query(Long.class).single()).as("a second click puts no second motion").isEqualTo(1);
        assertThat(jdbc.sql("select file_name from case_document where business_key = ?").param(key)
                .query(String.class).list()).containsExactly("statute.pdf");

        String voteId = voteOf(key);
        Document vote = Jsoup.parse(page("/board/votes/" + voteId, "petro"));
        assertThat(vote.select("h1").text()).isEqualTo(question);
        assertThat(vote.select("#vote-documents a").text()).isEqualTo("statute.pdf");
        assertThat(vote.text()).contains("Обґрунтування, яке не губиться").contains("Ірина");
        mvc.perform(get("/board/votes/" + voteId).with(as("nadia"))).andExpect(status().isNotFound());
    }

    @Test
    void aVoterChangesTheirBallotOnTheVotePageWithTheBallotsRulesUntilTheVoteCloses() throws Exception {
        String key = put("Закупівля стенду " + UUID.randomUUID().toString().substring(0, 8));
        String voteId = voteOf(key);
        mvc.perform(post("/tasks/" + ballot(key, "petro").getId()).with(as("petro")).with(csrf())
                .param("vote", "approve")).andExpect(redirectedUrl("/tasks"));
        Document page = Jsoup.parse(page("/board/votes/" + voteId, "petro"));
        assertThat(page.select("#change-ballot-form input[name=vote][checked]").attr("value")).isEqualTo("approve");
        assertThat(Jsoup.parse(page("/board/votes/" + voteId, "andriy")).select("#change-ballot-form")).isEmpty();

        // against needs its reason, as on the ballot itself; the choice typed stays
        Document refused = Jsoup.parse(mvc.perform(post("/board/votes/" + voteId + "/ballot").with(as("petro"))
                        .with(csrf()).param("vote", "reject").param("voteComment", ""))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#e-voteComment").text()).isNotBlank();
        assertThat(refused.select("#change-ballot-form input[name=vote][checked]").attr("value")).isEqualTo("reject");

        mvc.perform(post("/board/votes/" + voteId + "/ballot").with(as("petro")).with(csrf())
                        .param("vote", "reject").param("voteComment", "Спершу три пропозиції"))
                .andExpect(flash().attribute("message", "board.ballot.changed"));
        assertThat(jdbc.sql("select choice from board_ballot where vote_id = ? and voter = 'petro'").param(voteId)
                .query(String.class).single()).isEqualTo("reject");
        mvc.perform(post("/board/votes/" + voteId + "/ballot").with(as("andriy")).with(csrf()).param("vote", "approve"))
                .andExpect(flash().attribute("error", "board.ballot.refused.NOT_VOTED"));
        mvc.perform(post("/board/votes/" + voteId + "/ballot").with(as("nadia")).with(csrf()).param("vote", "approve"))
                .andExpect(status().isNotFound());

        for (String voter : new String[] {"iryna", "andriy", "maria"}) {
            mvc.perform(post("/tasks/" + ballot(key, voter).getId()).with(as(voter)).with(csrf())
                    .param("vote", "approve")).andExpect(redirectedUrl("/tasks"));
        }
        assertThat(Jsoup.parse(page("/board/votes/" + voteId, "petro")).select("#change-ballot-form")).isEmpty();
        mvc.perform(post("/board/votes/" + voteId + "/ballot").with(as("petro")).with(csrf()).param("vote", "approve"))
                .andExpect(flash().attribute("error", "board.ballot.refused.CLOSED"));
    }

    @Test
    void aMotionAmongOptionsIsVotedOnItsOwnChoicesOnTheBallotAndWhenTheBallotChanges() throws Exception {
        Document refused = Jsoup.parse(mvc.perform(motion("Один варіант", AppClock.today().plusDays(5))
                        .param("options", "Лише один").with(as("olena")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#e-options").text()).contains("Від 2 до 6");
        assertThat(refused.select("#f-options").text()).isEqualTo("Лише один");

        String question = "Виставка року " + UUID.randomUUID().toString().substring(0, 8);
        String location = mvc.perform(motion(question, AppClock.today().plusDays(5))
                        .param("options", "Hannover Messe\nIndustrial Lviv\nMachExpo").with(as("olena")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String key = location.substring("/cases/".length());
        String voteId = voteOf(key);
        Task petros = ballot(key, "petro");
        Document ballotPage = Jsoup.parse(page("/tasks/" + petros.getId(), "petro"));
        assertThat(ballotPage.select("input[name=vote]").eachAttr("value"))
                .containsExactly("option1", "option2", "option3", "abstain");
        assertThat(ballotPage.select("#f-vote").text()).contains("Hannover Messe", "Industrial Lviv", "MachExpo", "Утримався(лась)");
        assertThat(ballotPage.text()).contains("1. Hannover Messe");
        mvc.perform(post("/tasks/" + petros.getId()).with(as("petro")).with(csrf()).param("vote", "approve"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/tasks/" + petros.getId()).with(as("petro")).with(csrf()).param("vote", "option2"))
                .andExpect(redirectedUrl("/tasks"));

        Document votePage = Jsoup.parse(page("/board/votes/" + voteId, "petro"));
        assertThat(votePage.select("#change-ballot-form input[name=vote][checked]").attr("value")).isEqualTo("option2");
        assertThat(votePage.select("#choice-counts").text()).contains("Industrial Lviv: 1");
        mvc.perform(post("/board/votes/" + voteId + "/ballot").with(as("petro")).with(csrf()).param("vote", "option3"))
                .andExpect(flash().attribute("message", "board.ballot.changed"));
        assertThat(jdbc.sql("select choice_label from board_ballot where vote_id = ? and voter = 'petro'")
                .param(voteId).query(String.class).single()).isEqualTo("MachExpo");
        assertThat(Jsoup.parse(page("/board", "petro")).text()).contains(question + ": MachExpo");
    }

    @Test
    void theRegisterFindsADecisionByItsStatementAndGivesItAsMinutes() throws Exception {
        String word = "Стенд" + UUID.randomUUID().toString().substring(0, 6);
        String key = put("Участь у виставці");
        for (String voter : new String[] {"petro", "iryna", "andriy"}) {
            mvc.perform(post("/tasks/" + ballot(key, voter).getId()).with(as(voter)).with(csrf())
                    .param("vote", "approve")).andExpect(redirectedUrl("/tasks"));
        }
        Task statement = task(key, MotionProcess.TASK_WRITE_STATEMENT);
        // the statement's author reads what the board decided and by how many
        assertThat(Jsoup.parse(page("/tasks/" + statement.getId(), "olena")).text())
                .contains("Рішення правління").contains("схвалено: за — 3, проти або за інші варіанти — 0, утрималися — 0");
        mvc.perform(post("/tasks/" + statement.getId()).with(as("olena")).with(csrf())
                .param("outcomeStatement", "Замовляємо " + word + " до квітня")).andExpect(redirectedUrl("/tasks"));

        Document found = Jsoup.parse(mvc.perform(get("/board").param("q", word.toLowerCase()).with(as("taras")))
                .andReturn().getResponse().getContentAsString());
        assertThat(found.select("tr[data-vote]")).hasSize(1);
        assertThat(found.select("tr[data-vote] td").eachText()).contains("Схвалено", "Замовляємо " + word + " до квітня");
        assertThat(Jsoup.parse(page("/board?q=" + word + "-немає", "taras")).select("#register-empty")).hasSize(1);
        assertThat(Jsoup.parse(page("/board?q=%25", "taras")).select("#register-empty"))
                .as("a % searched for is a character, not a wildcard").hasSize(1);

        byte[] xlsx = mvc.perform(get("/board/decisions.xlsx").param("q", word).with(as("taras")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(2);
            Row row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(key);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Схвалено");
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("Замовляємо " + word + " до квітня");
        }
        mvc.perform(get("/board/decisions.xlsx").with(as("nadia"))).andExpect(status().isNotFound());
    }

    private MockMultipartHttpServletRequestBuilder motion(String question, LocalDate closesOn) {
        MockMultipartHttpServletRequestBuilder request = multipart("/board/motions/new");
        request.file(new MockMultipartFile("document", "statute.pdf", "application/pdf", "%PDF-1.4 statute".getBytes()));
        request.param("cluster", "kharkiv")
                .param("question", question).param("motionText", "Обґрунтування, яке не губиться")
                .param("closesOn", closesOn.toString()).param("closesAtTime", "18:00").param("quorumPercent", "51")
                .with(csrf());
        return request;
    }

    /** A motion the coordinator puts through the form; its case's key. */
    private String put(String question) throws Exception {
        String location = mvc.perform(multipart("/board/motions/new").param("cluster", "kharkiv").with(as("olena"))
                        .with(csrf()).param("question", question).param("motionText", "Пропозиція")
                        .param("closesOn", AppClock.today().plusDays(7).toString()).param("closesAtTime", "12:00")
                        .param("quorumPercent", "51").param("publicOutcome", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.substring("/cases/".length());
    }

    private String voteOf(String key) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(BoardVoteProcess.KEY)
                .processInstanceBusinessKey(key).singleResult().getId();
    }

    private Task ballot(String key, String voter) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).taskAssignee(voter).singleResult();
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(as(user))).andReturn().getResponse().getContentAsString();
    }
}
