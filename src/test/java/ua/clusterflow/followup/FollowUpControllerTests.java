package ua.clusterflow.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.followup.process.FollowUpProcess;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupRepository;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.tasklist.FormSubmission;

/** Follow-ups through HTTP on the real app: agreed from a case's page, done in the owner's task list, kept from strangers. */
class FollowUpControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired MeetupRepository meetupRepository;
    @Autowired MeetupService meetups;

    @Test
    void theCoordinatorGivesACasesNextStepToAnOwnerWhoDoesItFromTheTaskList() throws Exception {
        String source = apply("kharkiv", "ТОВ «Домовленість»", newEdrpou(), "agreed@example.com").reference();
        assertThat(Jsoup.parse(page("/cases/" + source, "olena")).select("#add-follow-up").attr("href"))
                .isEqualTo("/follow-ups/new?case=" + source);
        mvc.perform(get("/follow-ups/new").param("case", source).with(as("olena")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"follow-up-form\"")));

        Document refused = Jsoup.parse(mvc.perform(post("/follow-ups/new").param("case", source).with(as("olena"))
                        .with(csrf()).param("action", "").param("owner", "serhiy")
                        .param("dueOn", AppClock.today().minusDays(1).toString()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#e-action").text()).isNotBlank();
        assertThat(refused.select("#e-owner").text()).contains("людей цього кластера");
        assertThat(refused.select("#e-dueOn").text()).contains("в минулому");
        assertThat(refused.select("#dueOn").attr("value")).isEqualTo(AppClock.today().minusDays(1).toString());

        String action = "Підготувати лист підтримки " + UUID.randomUUID().toString().substring(0, 6);
        String location = mvc.perform(post("/follow-ups/new").param("case", source).with(as("olena")).with(csrf())
                        .param("action", action).param("owner", "andriy")
                        .param("dueOn", AppClock.today().plusDays(5).toString()))
                .andExpect(flash().attribute("message", "followup.agreed"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/cases/FUP-\\d{5,}");
        mvc.perform(post("/follow-ups/new").param("case", source).with(as("olena")).with(csrf())
                        .param("action", action).param("owner", "andriy")
                        .param("dueOn", AppClock.today().plusDays(5).toString()))
                .andExpect(redirectedUrl(location));
        assertThat(jdbc.sql("select count(*) from follow_up where action = ?").param(action).query(Long.class).single())
                .as("a form sent twice gives the action once").isEqualTo(1);
        String key = location.substring("/cases/".length());

        Task task = task(key, FollowUpProcess.TASK_DO_FOLLOW_UP);
        assertThat(page("/tasks", "andriy")).contains(action);
        mvc.perform(post("/tasks/" + task.getId()).with(as("andriy")).with(csrf()).param("followUpOutcome", ""))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/tasks/" + task.getId()).with(as("andriy")).with(csrf())
                .param("followUpOutcome", "Лист підписано")).andExpect(redirectedUrl("/tasks"));

        Document list = Jsoup.parse(page("/follow-ups", "olena"));
        assertThat(list.select("tr[data-follow-up=" + key + "] td").eachText())
                .contains(action, "Андрій Шевчук", "виконано");
        assertThat(Jsoup.parse(page("/cases/" + source, "olena")).select(".history").text())
                .contains("Домовлена дія передана відповідальному").contains("Дію виконано");
        assertThat(Jsoup.parse(page("/dashboard?cluster=kharkiv", "olena")).select("[data-figure=followUps]")).hasSize(1);
    }

    @Test
    void aMeetupsAgreedActionsAreOfferedOneClickEachUntilGivenToAnOwner() throws Exception {
        Meetup meetup = meetups.propose("kharkiv", "nadia",
                FormSubmission.ofValues(CaseSteps.meetupTopic("Домовленості зустрічі", "Що далі")));
        String reference = meetup.reference();
        long id = meetup.id();
        String first = "Зібрати шаблони BIM " + UUID.randomUUID().toString().substring(0, 6);
        String second = "Домовитися з ХПІ про лабораторію " + UUID.randomUUID().toString().substring(0, 6);
        meetupRepository.outcome(id, 12, "Обговорили формати", "Формати обміну", "- " + first + "\n2. " + second);

        Document form = Jsoup.parse(page("/follow-ups/new?case=" + reference, "olena"));
        assertThat(form.select("#agreed-actions a").eachText()).contains(first, second);
        String link = form.select("#agreed-actions a").stream().filter(a -> a.text().equals(first)).findFirst()
                .orElseThrow().attr("href");
        assertThat(Jsoup.parse(mvc.perform(get(URI.create(link)).with(as("olena"))).andReturn().getResponse()
                .getContentAsString()).select("#action").text()).isEqualTo(first);
        mvc.perform(post("/follow-ups/new").param("case", reference).with(as("olena")).with(csrf())
                        .param("action", first).param("owner", "maria")
                        .param("dueOn", AppClock.today().plusDays(7).toString()))
                .andExpect(flash().attribute("message", "followup.agreed"));
        assertThat(Jsoup.parse(page("/follow-ups/new?case=" + reference, "olena")).select("#agreed-actions a").eachText())
                .doesNotContain(first).contains(second);
    }

    @Test
    void nobodyOutsideTheClustersStaffAgreesOrReadsFollowUps() throws Exception {
        String source = apply("kharkiv", "ТОВ «Чуже»", newEdrpou(), "foreign@example.com").reference();
        mvc.perform(get("/follow-ups/new").param("case", source).with(as("serhiy"))).andExpect(status().isNotFound());
        mvc.perform(get("/follow-ups/new").param("case", source).with(as("nadia"))).andExpect(status().isNotFound());
        mvc.perform(post("/follow-ups/new").param("case", source).with(as("serhiy")).with(csrf())
                        .param("action", "Чуже").param("owner", "serhiy")
                        .param("dueOn", AppClock.today().plusDays(3).toString()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/follow-ups/new").param("introduction", "999999").with(as("olena")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/follow-ups/new").with(as("olena"))).andExpect(status().isNotFound());
        mvc.perform(get("/follow-ups").with(as("nadia"))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from follow_up where source_ref = ?").param(source)
                .query(Long.class).single()).isZero();
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(as(user))).andReturn().getResponse().getContentAsString();
    }
}
