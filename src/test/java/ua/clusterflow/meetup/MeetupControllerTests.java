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
import static ua.clusterflow.TestRequests.tampered;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.dashboard.DashboardService;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.meetup.process.MeetupProcess;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.engine.FormDefinitions;

/** The public meetup page, the guests' and experts' links, and who may propose or see what. */
class MeetupControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired DashboardService dashboards;
    @Autowired MemberOrganisationRepository organisationRepository;
    @Autowired MeetupService meetups;
    @Autowired MeetupRegistrations registrations;
    @Autowired MeetupRepository repository;
    @Autowired FormValidator validator;
    @Autowired FormDefinitions formDefinitions;
    @Autowired ClusterDirectory directory;

    @Test
    void registrationExplainsBadInputDuplicatesAFullMeetupAndACancelledOne() throws Exception {
        Meetup m = announced(1);
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Гість")
                        .param("email", "not-an-address").param("mode", "offline").param("consent", "true"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-email\"")))
                .andExpect(content().string(containsString("value=\"not-an-address\"")))
                .andExpect(content().string(containsString("value=\"true\" checked")));
        // without the guest's consent nothing is kept, and what they typed stays in the form
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Без згоди")
                        .param("email", "no-consent@example.com").param("mode", "offline"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-consent\"")))
                .andExpect(content().string(containsString("value=\"no-consent@example.com\"")));
        assertThat(repository.registered(m.id(), "no-consent@example.com")).isFalse();
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Перша")
                        .param("email", "web-first@example.com").param("mode", "offline").param("consent", "true"))
                .andExpect(flash().attribute("message", "meetup.registered.CONFIRMED"));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Перша знову")
                        .param("email", "Web-First@example.com").param("mode", "offline").param("consent", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Ця адреса вже зареєстрована")));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Друга")
                        .param("email", "web-second@example.com").param("mode", "offline").param("consent", "true"))
                .andExpect(flash().attribute("message", "meetup.registered.WAITING"));

        meetups.cancel(m.reference());
        mvc.perform(get("/meetups/" + m.reference()))
                .andExpect(content().string(containsString("id=\"meetup-cancelled\"")))
                .andExpect(content().string(not(containsString("id=\"registration-form\""))));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Третя")
                        .param("email", "web-third@example.com").param("mode", "offline").param("consent", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Цю зустріч скасовано")));
    }

    @Test
    void aGuestCancelsThroughTheMailedLinkAndTheWaitingGuestMovesUp() throws Exception {
        Meetup m = announced(1);
        long first = registrations.register(m.reference(), "Перший", null, "link-first@example.com", "offline", "uk").registrationId();
        long second = registrations.register(m.reference(), "Другий", null, "link-second@example.com", "offline", "uk").registrationId();
        String link = body(mailsTo("link-first@example.com").get(0))
                .replaceAll("(?s).*href=\"[^\"]*(/meetups/registrations/[^\"]+)\".*", "$1");
        mvc.perform(get(link)).andExpect(content().string(containsString("id=\"cancel-registration\"")));
        mvc.perform(post(link).with(csrf())).andExpect(flash().attribute("message", "meetup.registrationCancelled"));
        assertThat(repository.registration(first).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(repository.registration(second).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        mvc.perform(get(tampered(link))).andExpect(status().isForbidden());
    }

    @Test
    void theQrCodeInAGuestsConfirmationOpensTheirCheckInOnTheCoordinatorsPhoneOnly() throws Exception {
        Meetup m = announced(3);
        long guest = registrations.register(m.reference(), "Марта Кодова", "ТОВ «QR»", "door-code@example.com",
                "offline", "uk").registrationId();
        MimeMessage confirmation = mailsTo("door-code@example.com").get(0);
        assertThat(body(confirmation)).contains("src=\"cid:door-code\"");
        String link = decodedQr(confirmation);
        assertThat(link).contains("/meetups/" + m.reference() + "/door/");
        String path = link.substring(link.indexOf("/meetups/"));

        mvc.perform(get(path).with(as("nadia"))).andExpect(status().isNotFound());
        mvc.perform(get(tampered(path)).with(as("olena"))).andExpect(status().isForbidden());
        // weeks before the meetup the door is not open yet
        mvc.perform(get(path).with(as("olena"))).andExpect(content().string(containsString("id=\"door-too-early\"")))
                .andExpect(content().string(not(containsString("id=\"door-check-in\""))));
        mvc.perform(post("/meetups/" + m.reference() + "/attendees/" + guest + "/check-in").with(as("olena")).with(csrf()))
                .andExpect(flash().attribute("error", "meetup.door.tooEarly"));
        toTheDayBefore(repository.get(m.id()));
        int before = dashboards.forCluster("kharkiv").guestsCheckedIn();
        mvc.perform(get(path).with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Марта Кодова")))
                .andExpect(content().string(containsString("id=\"door-check-in\"")));
        mvc.perform(post("/meetups/" + m.reference() + "/attendees/" + guest + "/check-in").with(as("olena")).with(csrf()))
                .andExpect(flash().attribute("message", "meetup.attendees.checkedInNow"));
        assertThat(dashboards.forCluster("kharkiv").guestsCheckedIn()).as("the dashboard counts the guest")
                .isEqualTo(before + 1);
        mvc.perform(get(path).with(as("olena")))
                .andExpect(content().string(containsString("id=\"door-already\"")))
                .andExpect(content().string(not(containsString("id=\"door-check-in\""))));
    }

    @Test
    void expertsWhoTookPartBeforeAndTheMembersTechnicalExpertsAreOfferedWhenTheNextMeetupChoosesItsExperts()
            throws Exception {
        String segment = "Адитивне виробництво " + UUID.randomUUID().toString().substring(0, 6);
        Meetup first = approved(segment, "offline", 5, 0);
        CaseSteps.shortlistExperts(tasks, first.reference(), "Знавець", "past-expert");
        repository.experts(first.id()).forEach(e -> meetups.answer(e.id(), true));
        Meetup next = approved(segment, "offline", 5, 0);

        long organisation = organisationRepository.idsForContact("nadia").get(0);
        organisationRepository.addPerson(organisation, "andriy", OrganisationRole.EXPERT);
        try {
            String shortlist = task(next.reference(), MeetupProcess.TASK_SHORTLIST).getId();
            String page = org.jsoup.Jsoup.parse(mvc.perform(get("/tasks/" + shortlist).with(as("olena")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).text();
            assertThat(page).contains("Експерти попередніх зустрічей")
                    .contains("Знавець 0 <past-expert0-" + first.reference() + "@example.com>")
                    .contains("та сама тема").contains(segment + " (")
                    .contains("Технічні експерти членів кластера").contains("Андрій Шевчук <andriy@clusterflow.local>");
            String offered = page.substring(page.indexOf("Експерти попередніх зустрічей")
                    + "Експерти попередніх зустрічей".length()).trim();
            assertThat(offered).as("those of the same topic first").startsWith("Знавець");
        } finally {
            organisationRepository.removePerson(organisation, "andriy");
        }
    }

    @Test
    void theCoordinatorMovesAnAnnouncedMeetupOnItsOwnFormAndNobodyElseCan() throws Exception {
        Meetup m = announced(5);
        registrations.register(m.reference(), "Гість Переносу", null, "moved-web@example.com", "offline", "uk");
        String page = "/meetups/" + m.reference() + "/change";
        assertThat(org.jsoup.Jsoup.parse(mvc.perform(get(page).with(as("olena"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).select("#f-venue").attr("value"))
                .isEqualTo(m.venue());
        mvc.perform(get(page).with(as("nadia"))).andExpect(status().isNotFound());
        mvc.perform(post(page).with(as("serhiy")).with(csrf()).param("meetupDate", AppClock.today().plusDays(30).toString()))
                .andExpect(status().isNotFound());

        mvc.perform(post(page).with(as("olena")).with(csrf()).param("meetupDate", AppClock.today().minusDays(2).toString())
                        .param("startTime", "11:00").param("durationHours", "2").param("venue", "Харків, Новий зал"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-meetupDate\"")))
                .andExpect(content().string(containsString("Харків, Новий зал")));
        mvc.perform(post(page).with(as("olena")).with(csrf()).param("meetupDate", AppClock.today().plusDays(30).toString())
                        .param("startTime", "11:00").param("durationHours", "2").param("venue", "Харків, Новий зал"))
                .andExpect(flash().attribute("message", "meetup.changed"));
        assertThat(repository.get(m.id()).venue()).isEqualTo("Харків, Новий зал");
        assertThat(subjectsTo("moved-web@example.com")).contains("Зміни у зустрічі: " + m.segment());
    }

    @Test
    void theCoordinatorChecksGuestsInAtTheDoorOnceEachAndNobodyElseReachesTheList() throws Exception {
        Meetup m = announced(2);
        long first = registrations.register(m.reference(), "Оксана Вхідна", "ТОВ «Двері»", "door-first@example.com",
                "offline", "uk").registrationId();
        long second = registrations.register(m.reference(), "Степан Вхідний", null, "door-second@example.com",
                "offline", "uk").registrationId();
        long waiting = registrations.register(m.reference(), "Іван Очікує", null, "door-waiting@example.com",
                "offline", "uk").registrationId();
        String page = "/meetups/" + m.reference() + "/attendees";
        mvc.perform(get(page).with(as("olena"))).andExpect(content().string(containsString("id=\"door-too-early\"")))
                .andExpect(content().string(not(containsString("id=\"check-in-" + first + "\""))));
        toTheDayBefore(repository.get(m.id()));
        mvc.perform(get(page).with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"check-in-" + first + "\"")))
                .andExpect(content().string(containsString("data-registration=\"" + waiting + "\"")))
                .andExpect(content().string(not(containsString("id=\"check-in-" + waiting + "\""))));
        mvc.perform(get(page).param("q", "степан").with(as("olena")))
                .andExpect(content().string(containsString("data-registration=\"" + second + "\"")))
                .andExpect(content().string(not(containsString("data-registration=\"" + first + "\""))));

        mvc.perform(post(page + "/" + first + "/check-in").with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "meetup.attendees.checkedInNow"));
        // a second tap on the same row, or a guest without a place, checks nobody in
        mvc.perform(post(page + "/" + first + "/check-in").with(as("olena")).with(csrf()))
                .andExpect(flash().attribute("message", "meetup.attendees.checkedInBefore"));
        mvc.perform(post(page + "/" + waiting + "/check-in").with(as("olena")).with(csrf()))
                .andExpect(flash().attribute("message", "meetup.attendees.checkedInBefore"));
        mvc.perform(post(page + "/" + second + "/check-in").param("q", "степан").with(as("olena")).with(csrf()))
                .andExpect(flash().attribute("message", "meetup.attendees.checkedInNow"));
        assertThat(repository.countCheckedIn(m.id())).isEqualTo(2);
        mvc.perform(get(page).with(as("olena")))
                .andExpect(content().string(containsString("id=\"checked-in-" + first + "\"")));
        mvc.perform(get("/cases/" + m.reference()).with(as("olena")))
                .andExpect(content().string(containsString("Відмічено на вході")));

        // the list as a spreadsheet, a guest's typed formula kept as text
        registrations.register(m.reference(), "=HYPERLINK(\"http://evil.example\")", null, "door-formula@example.com",
                "offline", "uk");
        byte[] xlsx = mvc.perform(get(page + ".xlsx").with(as("olena"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Оксана Вхідна");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("Місце підтверджено");
            assertThat(sheet.getRow(3).getCell(5).getLocalDateTimeCellValue()).isNotNull();
            assertThat(sheet.getRow(5).getCell(4).getStringCellValue()).isEqualTo("У листі очікування");
            assertThat(sheet.getRow(5).getCell(5)).isNull();
            assertThat(sheet.getRow(6).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
        }
        mvc.perform(get(page + ".xlsx").with(as("nadia"))).andExpect(status().isNotFound());

        // a member of the cluster, another cluster's coordinator and a stranger do not reach the list
        mvc.perform(get(page).with(as("nadia"))).andExpect(status().isNotFound());
        mvc.perform(post(page + "/" + waiting + "/check-in").with(as("serhiy")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(page)).andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/" + waiting + "/check-in").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(repository.countCheckedIn(m.id())).isEqualTo(2);
    }

    @Test
    void aReplayedOrDoubleClickedCancellationFreesOnePlaceOnly() throws Exception {
        Meetup m = announced(1);
        long first = registrations.register(m.reference(), "Перша", null, "replay-first@example.com", "offline", "uk").registrationId();
        long second = registrations.register(m.reference(), "Друга", null, "replay-second@example.com", "offline", "uk").registrationId();
        long third = registrations.register(m.reference(), "Третя", null, "replay-third@example.com", "offline", "uk").registrationId();
        String link = body(mailsTo("replay-first@example.com").get(0))
                .replaceAll("(?s).*href=\"[^\"]*(/meetups/registrations/[^\"]+)\".*", "$1");

        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        var pool = Executors.newFixedThreadPool(2);
        var clicks = new ArrayList<Future<?>>();
        for (int i = 0; i < 2; i++) {
            clicks.add(pool.submit(() -> {
                messages.add((String) mvc.perform(post(link).with(csrf())).andReturn().getFlashMap().get("message"));
                return null;
            }));
        }
        for (var click : clicks) {
            click.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(messages).containsExactlyInAnyOrder("meetup.registrationCancelled", "meetup.registrationAlreadyCancelled");
        mvc.perform(post(link).with(csrf())).andExpect(flash().attribute("message", "meetup.registrationAlreadyCancelled"));
        mvc.perform(get(link)).andExpect(content().string(containsString("Скасовано")))
                .andExpect(content().string(not(containsString("id=\"cancel-registration\""))));

        assertThat(repository.registration(first).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(repository.registration(second).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(repository.registration(third).orElseThrow().status()).as("the place freed once went to one guest")
                .isEqualTo(RegistrationStatus.WAITING);
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
        // the accept link of the mail asks to confirm that answer alone, and names when and where
        mvc.perform(get("/expert/" + token).param("answer", "accept"))
                .andExpect(content().string(containsString("id=\"expert-accept\"")))
                .andExpect(content().string(not(containsString("id=\"expert-decline\""))))
                .andExpect(content().string(containsString("id=\"expert-other\"")))
                .andExpect(content().string(containsString("Харків, вул. Сумська 1")))
                .andExpect(content().string(containsString(AppClock.today().plusDays(20)
                        .format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))));
        assertThat(repository.expert(expert.id()).orElseThrow().answer()).as("opening the link decides nothing").isNull();
        mvc.perform(post("/expert/" + token).with(csrf()).param("answer", "accept"))
                .andExpect(content().string(containsString("Вашу участь підтверджено")));
        mvc.perform(post("/expert/" + token).with(csrf()).param("answer", "decline"))
                .andExpect(content().string(containsString("Ви вже відповіли")));
        assertThat(repository.expert(expert.id()).orElseThrow().answer()).isEqualTo(ExpertAnswer.ACCEPTED);
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

    @Test
    void anOnlineGuestOfAHybridMeetupFindsTheLinkInTheMailTheCalendarEntryAndTheirPage() throws Exception {
        Meetup m = announced("hybrid", 10, 10);
        mvc.perform(get("/meetups/" + m.reference()))
                .andExpect(content().string(containsString("id=\"online-link-notice\"")))
                .andExpect(content().string(not(containsString("https://meet.example.com/koboty"))));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf())
                        .cookie(new Cookie("clusterflow-lang", "en"))
                        .param("name", "Online Guest").param("email", "online-guest@example.com").param("mode", "online").param("consent", "true"))
                .andExpect(flash().attribute("message", "meetup.registered.CONFIRMED"));
        mvc.perform(post("/meetups/" + m.reference() + "/register").with(csrf()).param("name", "Гість у залі")
                        .param("email", "hall-guest@example.com").param("mode", "offline").param("consent", "true"))
                .andExpect(flash().attribute("message", "meetup.registered.CONFIRMED"));

        MimeMessage online = mailsTo("online-guest@example.com").get(0);
        // in the language the guest registered in, with the link and not the hall
        assertThat(subject(online)).isEqualTo("Registration confirmed: Роботизоване зварювання");
        assertThat(body(online)).contains("href=\"https://meet.example.com/koboty\"").doesNotContain("Сумська");
        String ics = attachment(online);
        assertThat(ics).contains("LOCATION:https://meet.example.com/koboty").contains("URL:https://meet.example.com/koboty")
                .contains("ORGANIZER;CN=").contains("mailto:noreply@clusterflow.local").contains("METHOD:PUBLISH");
        String hall = attachment(mailsTo("hall-guest@example.com").get(0));
        assertThat(hall).contains("LOCATION:Харків\\, вул. Сумська 1").doesNotContain("meet.example.com/koboty");

        long registration = repository.registrations(m.id()).stream()
                .filter(r -> r.email().equals("online-guest@example.com")).findFirst().orElseThrow().id();
        String token = registrations.registrationToken(registration);
        mvc.perform(get("/meetups/registrations/" + token))
                .andExpect(content().string(containsString("id=\"registration-where\"")))
                .andExpect(content().string(containsString("href=\"https://meet.example.com/koboty\"")))
                // the code for the door, also for a guest whose mail showed no picture
                .andExpect(content().string(containsString("id=\"door-code\"")))
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")));

        // the guest cancels: a mail confirms it and takes the entry out of their calendar
        greenMail.purgeEmailFromAllMailboxes();
        mvc.perform(post("/meetups/registrations/" + token).with(csrf()));
        MimeMessage cancelled = mailsTo("online-guest@example.com").get(0);
        assertThat(subject(cancelled)).isEqualTo("Registration cancelled: Роботизоване зварювання");
        assertThat(attachment(cancelled)).contains("METHOD:CANCEL").contains("STATUS:CANCELLED")
                .contains("UID:" + m.reference() + "@clusterflow");

        // the meetup is cancelled: the guest in the hall gets the same
        meetups.cancel(m.reference());
        runQueuedSteps(m.reference());
        assertThat(mailsTo("hall-guest@example.com").stream().map(IntegrationTest::attachment))
                .anyMatch(text -> text.contains("METHOD:CANCEL"));
    }

    @Test
    void anExpertInvitedInEnglishIsWrittenToInEnglishAndReadsTheirPageInEnglish() throws Exception {
        Meetup m = approved();
        Map<String, Object> experts = new HashMap<>();
        String[] kinds = {"business", "university", "it"};
        for (int i = 1; i <= 3; i++) {
            experts.put("expert" + i + "Name", "Expert " + i);
            experts.put("expert" + i + "Email", "lang-expert" + i + "-" + m.reference() + "@example.com");
            experts.put("expert" + i + "Category", kinds[i - 1]);
            experts.put("expert" + i + "Language", i == 1 ? "en" : "uk");
        }
        complete(m.reference(), MeetupProcess.TASK_SHORTLIST, "olena", experts);
        assertThat(subjectsTo("lang-expert1-" + m.reference() + "@example.com"))
                .containsExactly("Invitation as an expert: Роботизоване зварювання");
        assertThat(subjectsTo("lang-expert2-" + m.reference() + "@example.com"))
                .containsExactly("Запрошення експерта: Роботизоване зварювання");
        MeetupRepository.Expert english = repository.experts(m.id()).stream()
                .filter(e -> e.email().startsWith("lang-expert1-")).findFirst().orElseThrow();
        assertThat(english.language()).isEqualTo("en");
        mvc.perform(get("/expert/" + meetups.expertToken(english.id())).param("answer", "accept"))
                .andExpect(content().string(containsString("Yes, I will take part")));
        // a language chosen on the device wins over the invitation's
        mvc.perform(get("/expert/" + meetups.expertToken(english.id())).param("answer", "accept")
                        .cookie(new Cookie("clusterflow-lang", "uk")))
                .andExpect(content().string(containsString("Так, беру участь")));
    }

    @Test
    void aPlanWithAScriptForItsOnlineLinkIsRefused() throws Exception {
        Map<String, Object> topic = new HashMap<>(CaseSteps.meetupTopic("Онлайн-безпека", "Посилання"));
        topic.put("format", "online");
        Meetup m = meetups.propose("kharkiv", "nadia", FormSubmission.ofValues(topic));
        String planTask = task(m.reference(), MeetupProcess.TASK_PLAN).getId();
        mvc.perform(post("/tasks/" + planTask).with(as("olena")).with(csrf())
                        .param("meetupDate", AppClock.today().plusDays(20).toString()).param("startTime", "10:00")
                        .param("durationHours", "2").param("onlineLink", "javascript:alert(document.cookie)")
                        .param("capacityOffline", "0").param("capacityOnline", "50").param("budget", "100"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-onlineLink\"")))
                .andExpect(content().string(containsString("value=\"javascript:alert(document.cookie)\"")));
    }

    @Test
    void aPlanNeedsAVenueForThoseWhoComeTheApproverSeesTheBudgetAndAttendanceStaysWithinThePlaces() throws Exception {
        Map<String, Object> topic = new HashMap<>(CaseSteps.meetupTopic("Гібридна зустріч", "Перевірки плану"));
        topic.put("format", "hybrid");
        Meetup m = meetups.propose("kharkiv", "nadia", FormSubmission.ofValues(topic));
        String planTask = task(m.reference(), MeetupProcess.TASK_PLAN).getId();
        mvc.perform(post("/tasks/" + planTask).with(as("olena")).with(csrf())
                        .param("meetupDate", AppClock.today().plusDays(20).toString()).param("startTime", "10:00")
                        .param("durationHours", "2").param("capacityOffline", "20").param("capacityOnline", "2")
                        .param("budget", "12500"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-venue\"")))
                .andExpect(content().string(containsString("id=\"e-onlineLink\"")));
        mvc.perform(post("/tasks/" + planTask).with(as("olena")).with(csrf())
                        .param("meetupDate", AppClock.today().plusDays(20).toString()).param("startTime", "10:00")
                        .param("durationHours", "2").param("capacityOffline", "20").param("capacityOnline", "2")
                        .param("venue", "Харків, ХПІ").param("onlineLink", "https://meet.example.com/plan")
                        .param("budget", "12500"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tasks/" + task(m.reference(), MeetupProcess.TASK_APPROVE).getId()).with(as("olena")))
                .andExpect(content().string(containsString("12\u00a0500,00 UAH")))
                .andExpect(content().string(containsString("Гібридний")));

        FormSubmission outcome = validator.validate(outcomeForm(), Map.of("attendance", List.of("5000"),
                "summary", List.of("Підсумок"), "agendaItems", List.of("Пункт")), null, m.reference());
        assertThat(outcome.error("attendance").code()).isEqualTo("meetup.error.attendanceOverPlaces");
        assertThat(validator.validate(outcomeForm(), Map.of("attendance", List.of("22"),
                "summary", List.of("Підсумок"), "agendaItems", List.of("Пункт")), null, m.reference()).errors()).isEmpty();
    }

    @Test
    void aMemberIsLedToAMeetupsPublicPageOrNowhereButNeverToACaseTheyCannotOpen() throws Exception {
        Meetup proposedByNadia = approved();
        Meetup open = announced(5);
        if (!directory.personExists("kharkiv-reader")) {
            directory.createPerson("kharkiv-reader", "Олесь", "Читач", "kharkiv-reader@example.com", "uk", null);
            directory.grant("kharkiv-reader", "kharkiv", Role.MEMBER);
        }
        String list = mvc.perform(get("/meetups").with(as("kharkiv-reader"))).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("href=\"/cases/" + proposedByNadia.reference() + "\"")
                .doesNotContain("href=\"/cases/" + open.reference() + "\"")
                .contains("href=\"/meetups/" + open.reference() + "\"");
        assertThat(mvc.perform(get("/meetups").with(as("nadia"))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/cases/" + proposedByNadia.reference() + "\"");
    }

    private FormDefinition outcomeForm() throws IOException {
        try (var in = new FileInputStream("forms/tech-meetup/tech-meetup-outcome.form")) {
            return formDefinitions.parse(in);
        }
    }


    private Meetup approved() {
        return approved("offline", 1, 0);
    }

    private Meetup approved(String format, long offline, long online) {
        return approved("Роботизоване зварювання", format, offline, online);
    }

    private Meetup approved(String segment, String format, long offline, long online) {
        Map<String, Object> topic = new HashMap<>(CaseSteps.meetupTopic(segment, "Як МСП почати з коботів"));
        topic.put("format", format);
        Meetup m = meetups.propose("kharkiv", "nadia", FormSubmission.ofValues(topic));
        Map<String, Object> plan = new HashMap<>();
        plan.put("meetupDate", Date.from(AppClock.today().plusDays(20).atStartOfDay(AppClock.KYIV).toInstant()));
        plan.put("startTime", "14:00");
        plan.put("durationHours", 2L);
        plan.put("venue", "Харків, вул. Сумська 1");
        plan.put("onlineLink", "offline".equals(format) ? null : "https://meet.example.com/koboty");
        plan.put("capacityOffline", offline);
        plan.put("capacityOnline", online);
        plan.put("budget", 3000.0);
        complete(m.reference(), MeetupProcess.TASK_PLAN, "olena", plan);
        complete(m.reference(), MeetupProcess.TASK_APPROVE, "olena", Variable.values().and(MeetupProcess.APPROVAL_DECISION, "approve"));
        return m;
    }

    private void shortlist(Meetup m) {
        CaseSteps.shortlistExperts(tasks, m.reference(), "Експерт", "web-expert");
    }

    private Meetup announced(int offlinePlaces) {
        return announced("offline", offlinePlaces, 0);
    }

    private Meetup announced(String format, int offline, int online) {
        Meetup m = approved(format, offline, online);
        shortlist(m);
        repository.experts(m.id()).forEach(e -> meetups.answer(e.id(), true));
        return repository.get(m.id());
    }

    /** The engine's clock (which the app reads) at noon of the day before the meetup, when its door opens. */
    private void toTheDayBefore(Meetup meetup) {
        ClockUtil.setCurrentTime(Date.from(meetup.startsAt().atZone(AppClock.KYIV).toLocalDate().minusDays(1)
                .atTime(12, 0).atZone(AppClock.KYIV).toInstant()));
    }
}
