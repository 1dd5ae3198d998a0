package ua.clusterflow.meetup;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.clusterflow.meetup.process.MeetupProcess.*;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.tasklist.FormSubmission;

/** Every path and timer of {@code tech-meetup.bpmn} (process TechMeetup), registration and its waiting list. */
class MeetupProcessTest extends IntegrationTest {

    @Autowired MeetupService meetups;
    @Autowired MeetupRegistrations registrations;
    @Autowired MeetupRepository repository;
    @Autowired MeetupCalendar calendar;
    @Autowired MockMvc mockMvc;

    private MockMvc mvc() {
        return mockMvc;
    }

    @BeforeEach
    void startAtNoon() {
        startAtNoonInKyiv();
    }

    @Test
    void aSmallMeetupIsApprovedByTheCoordinatorHeldAndReported() throws Exception {
        Meetup m = propose("hybrid");
        ProcessInstance pi = instance(m.reference(), KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_PLAN);
        plan(m, 15000, 30, 100);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_APPROVE);
        complete(m.reference(), TASK_APPROVE, "olena", Variable.values().and(APPROVAL_DECISION, "approve"));
        shortlist(m, "business", "university", "it");
        answerAll(m, true, true, true);

        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_DAY_BEFORE);
        assertThat(repository.get(m.id()).status()).isEqualTo(MeetupStatus.OPEN);
        assertThat(registrations.register(m.reference(), "Гість", "ТОВ", "guest-report@example.com", "online", "uk").status())
                .isEqualTo(RegistrationStatus.CONFIRMED);

        moveClock(Duration.ofDays(20));
        fireTimer(pi.getId(), TIMER_DAY_BEFORE);
        assertThat(subjectsTo("guest-report@example.com")).contains("Завтра: BIM у машинобудуванні");
        moveClock(Duration.ofDays(2));
        fireTimer(pi.getId(), TIMER_MEETUP_OVER);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECORD_OUTCOME);
        complete(m.reference(), TASK_RECORD_OUTCOME, "olena", Map.of("attendance", 42L, "summary", "Домовились про пілот",
                "agendaItems", "Спільний стандарт BIM\nПілот на двох заводах", "followUps", "Чернетка стандарту — ХПІ"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SEND_REPORT);
        runQueuedSteps(m.reference());

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_REPORTED);
        assertThat(repository.get(m.id()).status()).isEqualTo(MeetupStatus.REPORTED);
        assertThat(jdbc.sql("select count(*) from case_document where business_key = ? and file_name like 'report-%'")
                .param(m.reference()).query(Long.class).single()).isEqualTo(1);
        var report = mailsTo("guest-report@example.com").stream()
                .filter(mail -> subject(mail).startsWith("Звіт зустрічі")).findFirst().orElseThrow();
        assertThat(report.getContent()).isInstanceOf(Multipart.class);
        // the experts who took part get the report too
        assertThat(subjectsTo("expert1-" + m.reference() + "@example.com")).contains("Звіт зустрічі: BIM у машинобудуванні");
    }

    @Test
    void aMeetupAnnouncedOnItsOwnDayRemindsItsGuestsTwoHoursBeforeAndNotAtTheAnnouncement() throws Exception {
        Meetup m = propose("online");
        Map<String, Object> plan = new HashMap<>();
        plan.put("meetupDate", Date.from(AppClock.today().atStartOfDay(AppClock.KYIV).toInstant()));
        plan.put("startTime", "18:00");
        plan.put("durationHours", 2L);
        plan.put("onlineLink", "https://meet.example.com/today");
        plan.put("capacityOffline", 0L);
        plan.put("capacityOnline", 50L);
        plan.put("budget", 100.0);
        complete(m.reference(), TASK_PLAN, "olena", plan);
        complete(m.reference(), TASK_APPROVE, "olena", Variable.values().and(APPROVAL_DECISION, "approve"));
        shortlist(m, "business", "university", "it");
        answerAll(m, true, true, true);
        ProcessInstance pi = instance(m.reference(), KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_DAY_BEFORE);
        Date reminder = management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(TIMER_DAY_BEFORE)
                .singleResult().getDuedate();
        assertThat(reminder.toInstant()).isEqualTo(repository.get(m.id()).startsAt().minus(Duration.ofHours(2)));
        registrations.register(m.reference(), "Вечірній гість", null, "evening@example.com", "online", "uk");

        moveClock(Duration.ofHours(4));
        fireTimer(pi.getId(), TIMER_DAY_BEFORE);
        assertThat(subjectsTo("evening@example.com")).contains("Сьогодні: BIM у машинобудуванні")
                .doesNotContain("Завтра: BIM у машинобудуванні");
        // the case says what it waits for, not that the meetup is over
        mvc().perform(MockMvcRequestBuilders.get("/cases/" + m.reference())
                        .with(as("olena")))
                .andExpect(MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Очікування завершення зустрічі")));
    }

    @Test
    void aLargerBudgetGoesToTheBoardWhichMayRefuse() {
        Meetup approved = propose("offline");
        plan(approved, 50000, 40, 0);
        BpmnAwareTests.assertThat(instance(approved.reference(), KEY)).isWaitingAt(CALL_BOARD_VOTE);
        boardVotes(approved, "approve");
        BpmnAwareTests.assertThat(instance(approved.reference(), KEY)).isWaitingAt(TASK_SHORTLIST);

        Meetup refused = propose("offline");
        plan(refused, 80000, 40, 0);
        boardVotes(refused, "reject");
        BpmnAwareTests.assertThat(instance(refused.reference(), KEY)).isNull();
        assertThat(repository.get(refused.id()).status()).isEqualTo(MeetupStatus.NOT_APPROVED);
    }

    @Test
    void theCoordinatorMayRefuseASmallOne() {
        Meetup m = propose("online");
        plan(m, 1000, 0, 100);
        complete(m.reference(), TASK_APPROVE, "olena", Variable.values().and(APPROVAL_DECISION, "reject").and(APPROVAL_COMMENT, "Тема вже була"));
        assertThat(history.createHistoricActivityInstanceQuery().activityId(END_NOT_APPROVED)
                .processInstanceId(historicId(m)).count()).isEqualTo(1);
    }

    @Test
    void tooFewAcceptancesReturnTheCoordinatorToTheShortlistAfterRemindersAndTheDeadline() {
        Meetup m = approved(propose("online"));
        shortlist(m, "business", "university", "it");
        List<MeetupRepository.Expert> experts = repository.experts(m.id());
        meetups.answer(experts.get(0).id(), true);
        meetups.answer(experts.get(1).id(), false);
        ProcessInstance pi = instance(m.reference(), KEY);

        moveClock(Duration.ofDays(3).plusMinutes(1));
        fireTimerOf(pi, TIMER_EXPERT_REMINDER);
        assertThat(subjectsTo(experts.get(2).email())).hasSize(2);
        moveClock(Duration.ofDays(4));
        fireTimerOf(pi, TIMER_ANSWER_DEADLINE);

        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SHORTLIST);
        assertThat(repository.expert(experts.get(2).id()).orElseThrow().answer()).isEqualTo(ExpertAnswer.DECLINED);
    }

    @Test
    void aMeetupCanBeCancelledWhilePlannedWhileExpertsAnswerAndAfterAnnouncement() {
        Meetup planned = propose("online");
        meetups.cancel(planned.reference());
        assertThat(repository.get(planned.id()).status()).isEqualTo(MeetupStatus.CANCELLED);

        Meetup inviting = approved(propose("online"));
        shortlist(inviting, "business", "university", "it");
        meetups.cancel(inviting.reference());
        assertThat(repository.get(inviting.id()).status()).isEqualTo(MeetupStatus.CANCELLED);
        assertThat(subjectsTo(repository.experts(inviting.id()).get(0).email()))
                .contains("Зустріч скасовано: BIM у машинобудуванні");

        Meetup announced = announced(propose("online"), 0, 100);
        registrations.register(announced.reference(), "Зареєстрована", null, "registered-cancel@example.com", "online", "uk");
        meetups.cancel(announced.reference());
        BpmnAwareTests.assertThat(instance(announced.reference(), KEY)).isNull();
        assertThat(subjectsTo("registered-cancel@example.com")).contains("Зустріч скасовано: BIM у машинобудуванні");
        assertThat(registrations.register(announced.reference(), "Пізня", null, "late@example.com", "online", "uk").problem())
                .isEqualTo("meetup.error.cancelled");
    }

    @Test
    void aMeetupMovedAndThenCancelledAfterRegistrationsUpdatesAndThenRemovesEveryGuestsCalendarEntry() throws Exception {
        Meetup m = announced(propose("hybrid"), 10, 10);
        registrations.register(m.reference(), "Ганна Офлайн", null, "moved-offline@example.com", "offline", "uk");
        registrations.register(m.reference(), "Hanna Online", null, "moved-online@example.com", "online", "en");
        VEvent first = calendarEvent(mailsTo("moved-offline@example.com").get(0));
        String uid = first.getProperty("UID").orElseThrow().getValue();
        assertThat(first.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");

        LocalDate newDay = AppClock.today().plusDays(28);
        MeetupService.Change change = new MeetupService.Change(newDay, LocalTime.of(15, 0), 2, "Харків, Палац праці",
                "https://meet.example.com/bim");
        assertThat(meetups.check(m, new MeetupService.Change(AppClock.today().minusDays(1), LocalTime.of(15, 0), 2,
                "Харків", "https://meet.example.com/bim")).has("meetupDate")).isTrue();
        assertThat(meetups.check(m, change).isEmpty()).isTrue();
        Meetup moved = meetups.change(m.reference(), change, "olena");

        Instant newStart = newDay.atTime(15, 0).atZone(AppClock.KYIV).toInstant();
        for (String guest : List.of("moved-offline@example.com", "moved-online@example.com")) {
            MimeMessage changed = mailsTo(guest).stream().filter(mail -> subject(mail).contains(m.segment()))
                    .reduce((a, b) -> b).orElseThrow();
            Calendar parsed = new CalendarBuilder().build(new StringReader(attachment(changed)));
            VEvent event = (VEvent) parsed.getComponent("VEVENT").orElseThrow();
            assertThat(event.getProperty("UID").orElseThrow().getValue()).as("the same entry").isEqualTo(uid);
            assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
            DtStart<?> start = event.getDateTimeStart();
            assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Kyiv");
            assertThat(((ZonedDateTime) start.getDate()).toInstant()).isEqualTo(newStart);
            assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).startsWith("mailto:");
        }
        assertThat(subjectsTo("moved-offline@example.com")).contains("Зміни у зустрічі: BIM у машинобудуванні");
        assertThat(subjectsTo("moved-online@example.com")).contains("Meetup changed: BIM у машинобудуванні");
        assertThat(calendarEvent(lastMailTo("moved-offline@example.com")).getProperty("LOCATION").orElseThrow().getValue())
                .isEqualTo("Харків, Палац праці");
        // the case waits for the new day: the guests' reminder a day before it, the report after it
        assertThat(management.createJobQuery().processInstanceId(instance(m.reference(), KEY).getId()).timers()
                .activityId(TIMER_DAY_BEFORE).singleResult().getDuedate().toInstant())
                .isEqualTo(newStart.minus(Duration.ofDays(1)));
        assertThat(moved.calendarSequence()).isEqualTo(1);

        meetups.cancel(m.reference());
        for (String guest : List.of("moved-offline@example.com", "moved-online@example.com")) {
            Calendar parsed = new CalendarBuilder().build(new StringReader(attachment(lastMailTo(guest))));
            assertThat(parsed.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
            VEvent event = (VEvent) parsed.getComponent("VEVENT").orElseThrow();
            assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
            assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
            assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        }
        assertThat(subjectsTo("moved-online@example.com")).contains("Meetup cancelled: BIM у машинобудуванні");
    }

    private VEvent calendarEvent(MimeMessage mail) throws Exception {
        return (VEvent) new CalendarBuilder().build(new StringReader(attachment(mail))).getComponent("VEVENT").orElseThrow();
    }

    private MimeMessage lastMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address);
        return mails.get(mails.size() - 1);
    }

    @Test
    void aFullModeStartsAWaitingListAndACancellationPromotesTheFirstInLine() {
        Meetup m = announced(propose("hybrid"), 2, 1);
        MeetupRegistrations.RegistrationResult first = registrations.register(m.reference(), "Перший", null, "first-w@example.com", "offline", "uk");
        registrations.register(m.reference(), "Другий", null, "second-w@example.com", "offline", "uk");
        MeetupRegistrations.RegistrationResult third = registrations.register(m.reference(), "Третій", null, "third-w@example.com", "offline", "uk");
        assertThat(third.status()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(registrations.register(m.reference(), "Онлайн", null, "online-w@example.com", "online", "uk").status())
                .as("the other mode has its own places").isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.register(m.reference(), "Двійник", null, "FIRST-W@example.com", "online", "uk").problem())
                .isEqualTo("meetup.error.duplicate");

        assertThat(registrations.cancelRegistration(first.registrationId())).isTrue();
        assertThat(repository.registration(third.registrationId()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(subjectsTo("third-w@example.com")).contains("Для вас звільнилося місце: BIM у машинобудуванні");
        assertThat(registrations.cancelRegistration(first.registrationId())).isFalse();
    }

    @Test
    void theCalendarInvitationParsesAndCarriesKyivTime() throws Exception {
        Meetup m = announced(propose("offline"), 10, 0);
        Calendar parsed = new CalendarBuilder().build(new StringReader(calendar.ics(m, "offline", "Кластер", "http://localhost/meetups/x", false)));
        VEvent event = (VEvent) parsed.getComponent("VEVENT").orElseThrow();
        DtStart<?> start = event.getDateTimeStart();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Kyiv");
        assertThat(((ZonedDateTime) start.getDate()).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(((ZonedDateTime) start.getDate()).toInstant()).isEqualTo(m.startsAt());
        assertThat(parsed.getComponent("VTIMEZONE")).isPresent();
    }

    @Test
    void twoHundredGuestsRegisteringAtOnceForFiftyPlacesGetFiftyConfirmationsAndAnOrderedWaitingList() throws Exception {
        Meetup m = announced(propose("offline"), 50, 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<MeetupRegistrations.RegistrationResult>> guests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String email = "crowd" + i + "@example.com";
            guests.add(() -> registrations.register(m.reference(), "Гість", null, email, "offline", "uk"));
        }
        List<Future<MeetupRegistrations.RegistrationResult>> results = pool.invokeAll(guests);
        pool.shutdown();
        long confirmed = 0;
        for (Future<MeetupRegistrations.RegistrationResult> result : results) {
            if (result.get().status() == RegistrationStatus.CONFIRMED) {
                confirmed++;
            }
        }
        assertThat(confirmed).isEqualTo(50);
        assertThat(repository.countRegistrations(m.id(), "offline", RegistrationStatus.CONFIRMED)).isEqualTo(50);
        assertThat(repository.countRegistrations(m.id(), "offline", RegistrationStatus.WAITING)).isEqualTo(150);
        assertThat(repository.registrations(m.id())).hasSize(200);
    }

    // --- helpers

    private Meetup propose(String format) {
        Map<String, Object> values = new HashMap<>();
        values.put("segment", "BIM у машинобудуванні");
        values.put("challenge", "Спільні формати обміну моделями між КБ і заводами");
        values.put("format", format);
        values.put("windowFrom", AppClock.today().plusDays(14));
        values.put("windowTo", AppClock.today().plusDays(40));
        return meetups.propose("kharkiv", "nadia", FormSubmission.ofValues(values));
    }

    private void plan(Meetup m, double budget, long offline, long online) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("meetupDate", Date.from(AppClock.today().plusDays(21).atStartOfDay(AppClock.KYIV).toInstant()));
        plan.put("startTime", "10:00");
        plan.put("durationHours", 3L);
        plan.put("venue", "Харків, вул. Сумська 1");
        plan.put("onlineLink", "https://meet.example.com/bim");
        plan.put("capacityOffline", offline);
        plan.put("capacityOnline", online);
        plan.put("budget", budget);
        complete(m.reference(), TASK_PLAN, "olena", plan);
    }

    private Meetup approved(Meetup m) {
        plan(m, 5000, 20, 100);
        complete(m.reference(), TASK_APPROVE, "olena", Variable.values().and(APPROVAL_DECISION, "approve"));
        return m;
    }

    private Meetup announced(Meetup m, long offline, long online) {
        plan(m, 5000, offline, online);
        complete(m.reference(), TASK_APPROVE, "olena", Variable.values().and(APPROVAL_DECISION, "approve"));
        shortlist(m, "business", "university", "research");
        answerAll(m, true, true, true);
        return repository.get(m.id());
    }

    private void shortlist(Meetup m, String... categories) {
        Map<String, Object> experts = new HashMap<>();
        for (int i = 0; i < categories.length; i++) {
            experts.put("expert" + (i + 1) + "Name", "Експерт " + (i + 1));
            experts.put("expert" + (i + 1) + "Email", "expert" + (i + 1) + "-" + m.reference() + "@example.com");
            experts.put("expert" + (i + 1) + "Category", categories[i]);
        }
        complete(m.reference(), TASK_SHORTLIST, "olena", experts);
    }

    private void answerAll(Meetup m, boolean... answers) {
        List<MeetupRepository.Expert> experts = repository.experts(m.id());
        for (int i = 0; i < answers.length; i++) {
            assertThat(meetups.answer(experts.get(i).id(), answers[i])).isTrue();
        }
    }

    private void boardVotes(Meetup m, String choice) {
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(m.reference(), voter, choice, "reject".equals(choice) ? "Дорого" : null);
        }
    }

    /** Fires the one timer of this element still waiting, whichever expert's it is. */
    private void fireTimerOf(ProcessInstance pi, String timerId) {
        for (var job : management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(timerId).list()) {
            management.executeJob(job.getId());
        }
    }

    private String historicId(Meetup m) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(m.reference())
                .processDefinitionKey(KEY).singleResult().getId();
    }
}
