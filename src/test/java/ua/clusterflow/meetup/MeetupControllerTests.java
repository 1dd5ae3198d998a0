package ua.clusterflow.meetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.meetup.process.MeetupProcess;
import ua.clusterflow.system.AppClock;
import ua.clusterflow.tasklist.FormSubmission;

/** The public meetup page, the guests' and experts' links, and who may propose or see what. */
class MeetupControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired MeetupService meetups;
    @Autowired MeetupRegistrations registrations;
    @Autowired MeetupRepository repository;

    @Test
    void registrationExplainsBadInputDuplicatesAFullMeetupAndACancelledOne() throws Exception {
        Meetup m = announced(1);
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Гість")
                        .param("email", "not-an-address").param("mode", "offline"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-email\"")))
                .andExpect(content().string(containsString("value=\"not-an-address\"")));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Перша")
                        .param("email", "web-first@example.com").param("mode", "offline"))
                .andExpect(flash().attribute("message", "meetup.registered.CONFIRMED"));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Перша знову")
                        .param("email", "Web-First@example.com").param("mode", "offline"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Ця адреса вже зареєстрована")));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Друга")
                        .param("email", "web-second@example.com").param("mode", "offline"))
                .andExpect(flash().attribute("message", "meetup.registered.WAITING"));

        meetups.cancel(m.reference());
        mvc.perform(get("/meetups/" + m.reference()))
                .andExpect(content().string(containsString("id=\"meetup-cancelled\"")))
                .andExpect(content().string(not(containsString("id=\"registration-form\""))));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Третя")
                        .param("email", "web-third@example.com").param("mode", "offline"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Цю зустріч скасовано")));
    }

    @Test
    void aGuestCancelsThroughTheMailedLinkAndTheWaitingGuestMovesUp() throws Exception {
        Meetup m = announced(1);
        long first = registrations.register(m.reference(), "Перший", null, "link-first@example.com", "offline").registrationId();
        long second = registrations.register(m.reference(), "Другий", null, "link-second@example.com", "offline").registrationId();
        String link = body(mailsTo("link-first@example.com").get(0))
                .replaceAll("(?s).*href=\"[^\"]*(/meetups/registrations/[^\"]+)\".*", "$1");
        mvc.perform(get(link)).andExpect(content().string(containsString("id=\"cancel-registration\"")));
        mvc.perform(post(link).with(csrf())).andExpect(flash().attribute("message", "meetup.registrationCancelled"));
        assertThat(repository.registration(first).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(repository.registration(second).orElseThrow().status()).isEqualTo("CONFIRMED");
        mvc.perform(get(link.substring(0, link.length() - 2) + "zz")).andExpect(status().isForbidden());
    }

    @Test
    void aReplayedOrDoubleClickedCancellationFreesOnePlaceOnly() throws Exception {
        Meetup m = announced(1);
        long first = registrations.register(m.reference(), "Перша", null, "replay-first@example.com", "offline").registrationId();
        long second = registrations.register(m.reference(), "Друга", null, "replay-second@example.com", "offline").registrationId();
        long third = registrations.register(m.reference(), "Третя", null, "replay-third@example.com", "offline").registrationId();
        String link = body(mailsTo("replay-first@example.com").get(0))
                .replaceAll("(?s).*href=\"[^\"]*(/meetups/registrations/[^\"]+)\".*", "$1");

        List<String> messages = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var clicks = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 2; i++) {
            clicks.add(pool.submit(() -> {
                messages.add((String) mvc.perform(post(link).with(csrf())).andReturn().getFlashMap().get("message"));
                return null;
            }));
        }
        for (var click : clicks) {
            click.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(messages).containsExactlyInAnyOrder("meetup.registrationCancelled", "meetup.registrationAlreadyCancelled");
        mvc.perform(post(link).with(csrf())).andExpect(flash().attribute("message", "meetup.registrationAlreadyCancelled"));
        mvc.perform(get(link)).andExpect(content().string(containsString("Скасовано")))
                .andExpect(content().string(not(containsString("id=\"cancel-registration\""))));

        assertThat(repository.registration(first).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(repository.registration(second).orElseThrow().status()).isEqualTo("CONFIRMED");
        assertThat(repository.registration(third).orElseThrow().status()).as("the place freed once went to one guest")
                .isEqualTo("WAITING");
        assertThat(mailsTo("replay-third@example.com")).hasSize(1);
    }

    @Test
    void anExpertAnswersOnceAndAMailLinkAloneChangesNothing() throws Exception {
        Meetup m = approved();
        shortlist(m);
        MeetupRepository.Expert expert = repository.experts(m.id()).get(0);
        String token = meetups.expertToken(expert.id());
        mvc.perform(get("/expert/" + token).param("answer", "decline"))
                .andExpect(content().string(containsString("id=\"expert-decline\"")));
        assertThat(repository.expert(expert.id()).orElseThrow().answer()).as("opening the link decides nothing").isNull();
        mvc.perform(post("/expert/" + token).with(csrf()).param("answer", "accept"))
                .andExpect(content().string(containsString("Вашу участь підтверджено")));
        mvc.perform(post("/expert/" + token).with(csrf()).param("answer", "decline"))
                .andExpect(content().string(containsString("Ви вже відповіли")));
        assertThat(repository.expert(expert.id()).orElseThrow().answer()).isEqualTo("accepted");
    }

    @Test
    void theShortlistNeedsThreeExpertsFromTwoKindsOfParticipants() throws Exception {
        Meetup m = approved();
        var task = task(m.reference(), MeetupProcess.TASK_SHORTLIST);
        mvc.perform(post("/tasks/" + task.getId()).with(as("olena")).with(csrf())
                        .param("expert1Name", "Один").param("expert1Email", "one@example.com").param("expert1Category", "it")
                        .param("expert2Name", "Два").param("expert2Email", "two@example.com").param("expert2Category", "it"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Потрібно щонайменше 3 експерти")))
                .andExpect(content().string(containsString("value=\"two@example.com\"")));
        mvc.perform(post("/tasks/" + task.getId()).with(as("olena")).with(csrf())
                        .param("expert1Name", "Один").param("expert1Email", "one@example.com").param("expert1Category", "it")
                        .param("expert2Name", "Два").param("expert2Email", "two@example.com").param("expert2Category", "it")
                        .param("expert3Name", "Три").param("expert3Email", "three@example.com").param("expert3Category", "it"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("щонайменше з 2 різних категорій")));
        mvc.perform(post("/tasks/" + task.getId()).with(as("olena")).with(csrf())
                        .param("expert1Name", "Один").param("expert1Email", "one@example.com").param("expert1Category", "it")
                        .param("expert2Name", "Два").param("expert2Email", "two@example.com").param("expert2Category", "it")
                        .param("expert3Name", "Три").param("expert3Email", "three@example.com").param("expert3Category", "research"))
                .andExpect(status().is3xxRedirection());
        assertThat(repository.experts(m.id())).hasSize(3);
    }

    @Test
    void aReportedMeetupsFollowUpsStartTheNextProposal() throws Exception {
        Meetup m = announced(5);
        jdbc.sql("update meetup set status = 'REPORTED', follow_ups = 'Пілот на заводі — Петро' where id = ?")
                .param(m.id()).update();
        mvc.perform(get("/meetups/propose").param("cluster", "kharkiv").param("from", m.reference()).with(as("nadia")))
                .andExpect(content().string(containsString("Пілот на заводі — Петро")))
                .andExpect(content().string(containsString("value=\"Роботизоване зварювання\"")));
    }

    @Test
    void proposalsAndListsStayInsideThePersonsClusters() throws Exception {
        mvc.perform(get("/meetups/propose").param("cluster", "zaporizhzhia").with(as("nadia"))).andExpect(status().isForbidden());
        mvc.perform(post("/meetups/propose").param("cluster", "kharkiv").with(as("nadia")).with(csrf())
                        .param("segment", "Роботизація").param("challenge", "").param("format", "online")
                        .param("windowFrom", AppClock.today().plusDays(10).toString())
                        .param("windowTo", AppClock.today().plusDays(5).toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-challenge\"")))
                .andExpect(content().string(containsString("id=\"e-windowTo\"")))
                .andExpect(content().string(containsString("value=\"Роботизація\"")));
        Meetup m = approved();
        mvc.perform(get("/meetups").with(as("bohdan")))
                .andExpect(content().string(not(containsString("data-case=\"" + m.reference() + "\""))));
        mvc.perform(get("/meetups").with(as("nadia")))
                .andExpect(content().string(containsString("data-case=\"" + m.reference() + "\"")));
        mvc.perform(post("/meetups/" + m.reference() + "/cancel").with(as("serhiy")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private Meetup approved() {
        Meetup m = meetups.propose("kharkiv", "nadia", FormSubmission.ofValues(
                CaseSteps.meetupTopic("Роботизоване зварювання", "Як МСП почати з коботів")));
        Map<String, Object> plan = new HashMap<>();
        plan.put("meetupDate", Date.from(AppClock.today().plusDays(20).atStartOfDay(AppClock.KYIV).toInstant()));
        plan.put("startTime", "14:00");
        plan.put("durationHours", 2L);
        plan.put("venue", "Харків");
        plan.put("capacityOffline", 1L);
        plan.put("capacityOnline", 0L);
        plan.put("budget", 3000.0);
        complete(m.reference(), MeetupProcess.TASK_PLAN, "olena", plan);
        complete(m.reference(), MeetupProcess.TASK_APPROVE, "olena", Map.of(MeetupProcess.APPROVAL_DECISION, "approve"));
        return m;
    }

    private void shortlist(Meetup m) {
        CaseSteps.shortlistExperts(tasks, m.reference(), "Експерт", "web-expert");
    }

    private Meetup announced(int offlinePlaces) {
        Meetup m = approved();
        shortlist(m);
        repository.experts(m.id()).forEach(e -> meetups.answer(e.id(), true));
        return repository.get(m.id());
    }
}
