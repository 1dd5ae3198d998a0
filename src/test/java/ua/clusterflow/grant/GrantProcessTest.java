package ua.clusterflow.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ua.clusterflow.grant.process.GrantProcess.*;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.CaseRepository;

/** Every path and timer of {@code grant-application.bpmn} (process GrantApplication), on the real engine and database. */
class GrantProcessTest extends IntegrationTest {

    @Autowired GrantService grants;
    @Autowired GrantReviews reviews;
    @Autowired GrantRepository repository;
    @Autowired MockMvc mvc;
    @Autowired CaseRepository cases;
    @LocalServerPort int port;

    @BeforeEach
    void startAtNoon() {
        startAtNoonInKyiv();
    }

    @Test
    void aSupportedApplicationGetsItsLetterIsSubmittedAndFunded() throws Exception {
        GrantApplication a = submit("horizon", "2000000", 60, "PL", "DE");
        ProcessInstance pi = instance(a.reference(), KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SCREEN);
        assertThat(grants.advice(repository.get(a.id()))).isEmpty();

        complete(a.reference(), TASK_SCREEN, "olena", Map.of(SCREENING_DECISION, "accept"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ASSIGN_REVIEWERS);
        Map<String, Object> reviewers = new HashMap<>();
        reviewers.put("reviewer1Name", "Ірина Експерт");
        reviewers.put("reviewer1Email", "expert1@example.com");
        reviewers.put("reviewer2Name", "Anna Kowalska");
        reviewers.put("reviewer2Email", "kowalska@example.com");
        reviewers.put("reviewer2Language", "en");
        complete(a.reference(), TASK_ASSIGN_REVIEWERS, "olena", reviewers);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_REVIEWS);
        assertThat(subjectsTo("expert1@example.com")).hasSize(1);
        // a reviewer from abroad is invited with the English title and reads the English summary
        assertThat(body(mailsTo("kowalska@example.com").get(0))).contains("Digital twin of a welding line")
                .doesNotContain("Цифровий двійник");
        String link = body(mailsTo("kowalska@example.com").get(0)).replaceAll("(?s).*(/review/[^\"<\\s]+).*", "$1");
        String reviewPage = mvc.perform(get(link).cookie(new Cookie("clusterflow-lang", "en")))
                .andReturn().getResponse().getContentAsString();
        assertThat(reviewPage).contains("Digital twin of a welding line", "A digital twin for automating machine building")
                .doesNotContain("Цифровий двійник для автоматизації");
        review(a, 0, 4, 4, 3);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_REVIEWS);
        review(a, 1, 5, 4, 4);

        BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_BOARD_VOTE);
        boardVotes(a, "approve");
        BpmnAwareTests.assertThat(pi).as("the letter is made after the last ballot has committed")
                .isWaitingAt(TASK_ISSUE_LETTER);
        runQueuedSteps(a.reference());
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECORD_SUBMISSION);
        byte[] letter = jdbc.sql("select content from case_document where business_key = ? and file_name like 'letter-of-support%'")
                .param(a.reference()).query(byte[].class).single();
        try (var pdf = Loader.loadPDF(letter)) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
            assertThat(text).contains("ТОВ «Промавтоматика»").contains("Letter of support");
            // numbered in the cluster's register, addressed, each half in its own language's words and formats
            assertThat(text).containsPattern("Вих\\. № \\d+/" + AppClock.today().getYear())
                    .contains("Оцінювачам конкурсу", "To the evaluators of the call", "HORIZON-CL4-2027-TWIN-01")
                    .contains("Horizon Europe", "2 000 000,00 EUR", "EUR 2,000,000.00")
                    .contains("Partner PL (Польща)", "Partner PL (Poland)", "Digital twin of a welding line")
                    .doesNotContain("horizon)", "2000000");
        }

        complete(a.reference(), TASK_RECORD_SUBMISSION, "nadia", Map.of(SUBMISSION_REFERENCE.name(), "SEP-210000001"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECORD_OUTCOME);
        complete(a.reference(), TASK_RECORD_OUTCOME, "nadia", Map.of(OUTCOME.name(), "funded", AMOUNT_GRANTED.name(), 1_500_000L));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_OUTCOME_RECORDED);
        GrantApplication done = repository.get(a.id());
        assertThat(done.status()).isEqualTo(GrantStatus.FUNDED);
        assertThat(done.submissionReference()).isEqualTo("SEP-210000001");
        assertThat(done.amountGranted()).isEqualByComparingTo("1500000");
    }

    @Test
    void sentBackForChangesTheMemberRevisesAndItIsScreenedAgainWithAReminderMeanwhile() {
        GrantApplication a = submit("smp", "300000", 60, "PL");
        ProcessInstance pi = instance(a.reference(), KEY);
        complete(a.reference(), TASK_SCREEN, "olena",
                Map.of(SCREENING_DECISION, "changes", SCREENING_COMMENT.name(), "Уточніть бюджет"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_REVISION);
        assertThat(repository.get(a.id()).status()).isEqualTo(GrantStatus.CHANGES_REQUESTED);
        assertThat(body(mailsTo("nadia@clusterflow.local").get(mailsTo("nadia@clusterflow.local").size() - 1)))
                .contains("Уточніть бюджет");

        moveClock(Duration.ofDays(7).plusMinutes(1));
        fireTimer(pi.getId(), TIMER_REVISION_REMINDER);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_REVISION);

        GrantApplication current = repository.get(a.id());
        assertThat(grants.save("nadia", a.reference(), form(current, "smp", "250000", 60, "PL"), List.of(), true))
                .isEqualTo(GrantService.SaveResult.SUBMITTED);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SCREEN);
        assertThat(repository.get(a.id()).requestedBudget()).isEqualByComparingTo("250000");
    }

    @Test
    void aFormReadBeforeTheApplicationChangedIsRefusedAsStale() {
        GrantApplication a = submit("smp", "300000", 60, "PL");
        GrantApplication read = repository.get(a.id());
        assertThat(grants.save("nadia", a.reference(), form(read, "smp", "1", 60, "PL"), List.of(), false))
                .as("the case has moved on to screening").isEqualTo(GrantService.SaveResult.STALE);
        assertThat(repository.get(a.id()).requestedBudget()).isEqualByComparingTo("300000");
    }

    @Test
    void aDeclinedApplicationEndsWithTheReasonMailed() {
        GrantApplication a = submit("national", "100000", 60);
        complete(a.reference(), TASK_SCREEN, "olena",
                Map.of(SCREENING_DECISION, "decline", SCREENING_COMMENT.name(), "Не відповідає профілю кластера"));
        BpmnAwareTests.assertThat(instance(a.reference(), KEY)).isNull();
        assertThat(repository.get(a.id()).status()).isEqualTo(GrantStatus.DECLINED);
        assertThat(history.createHistoricActivityInstanceQuery().activityId(END_DECLINED).count()).isPositive();
    }

    @Test
    void aConsortiumShortOfEuPartnersGoesToPartnerSearchFirst() {
        GrantApplication a = submit("horizon", "2000000", 60, "UA");
        ProcessInstance pi = instance(a.reference(), KEY);
        assertThat(grants.advice(repository.get(a.id()))).contains("partners");
        complete(a.reference(), TASK_SCREEN, "olena", Map.of(SCREENING_DECISION, "accept"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FIND_PARTNERS);

        complete(a.reference(), TASK_FIND_PARTNERS, "olena", Map.of("partner1Name", "Politechnika Warszawska",
                "partner1Country", "PL", "partner1Role", "Research partner"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ASSIGN_REVIEWERS);
        assertThat(repository.get(a.id()).partners()).extracting(GrantApplication.Partner::name)
                .contains("Politechnika Warszawska");
    }

    @Test
    void scoresBelowTheThresholdsSendTheApplicationBackWithTheReviews() {
        GrantApplication a = throughScreening(submit("smp", "300000", 60, "PL"));
        assignReviewers(a, "Експерт Суворий", "strict@example.com", null, null);
        review(a, 0, 2, 4, 4);
        ProcessInstance pi = instance(a.reference(), KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_REVISION);
        assertThat(repository.get(a.id()).status()).isEqualTo(GrantStatus.CHANGES_REQUESTED);
        List<String> mail = mailsTo("nadia@clusterflow.local").stream().map(m -> body(m)).toList();
        assertThat(mail.get(mail.size() - 1)).contains("Експерт Суворий: 2 / 4 / 4 = 10");
    }

    @Test
    void reviewersAreRemindedAndAtTheReviewDeadlineTheReviewsInCount() {
        GrantApplication a = throughScreening(submit("smp", "300000", 60, "PL"));
        assignReviewers(a, "Швидкий", "fast@example.com", "Повільний", "slow@example.com");
        ProcessInstance pi = instance(a.reference(), KEY);
        review(a, 0, 4, 4, 4);

        moveClock(Duration.ofDays(5).plusMinutes(1));
        fireTimer(pi.getId(), TIMER_REVIEW_REMINDER);
        assertThat(subjectsTo("slow@example.com")).hasSize(2);
        assertThat(subjectsTo("fast@example.com")).hasSize(1);

        moveClock(Duration.ofDays(9));
        fireTimer(pi.getId(), TIMER_REVIEW_DEADLINE);
        BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_BOARD_VOTE);
    }

    @Test
    void withoutAnyReviewAtTheDeadlineTheCoordinatorAssignsReviewersAgain() {
        GrantApplication a = throughScreening(submit("smp", "300000", 60, "PL"));
        assignReviewers(a, "Мовчун", "silent-reviewer@example.com", null, null);
        ProcessInstance pi = instance(a.reference(), KEY);
        moveClock(Duration.ofDays(14).plusMinutes(1));
        fireTimer(pi.getId(), TIMER_REVIEW_DEADLINE);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ASSIGN_REVIEWERS);
    }

    /** A reviewer's link of the first round, used after the case moved to a second one, ends nothing. */
    @Test
    void aReviewLinkOfAClosedRoundIsRefusedAndTheNewRoundWaitsForItsOwnReviews() throws Exception {
        GrantApplication a = throughScreening(submit("smp", "300000", 60, "PL"));
        assignReviewers(a, "Перший раунд", "first-round@example.com", null, null);
        long oldReview = repository.reviews(a.id(), repository.currentRound(a.id())).get(0).id();
        ProcessInstance pi = instance(a.reference(), KEY);
        moveClock(Duration.ofDays(14).plusMinutes(1));
        fireTimer(pi.getId(), TIMER_REVIEW_DEADLINE);
        assignReviewers(a, "Другий раунд А", "second-a@example.com", "Другий раунд Б", "second-b@example.com");

        mvc.perform(post("/review/" + reviews.reviewToken(oldReview)).with(csrf()).param("excellence", "5")
                        .param("impact", "5").param("implementation", "5").param("comment", "Запізнілий відгук"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("більше не діє")));
        mvc.perform(get("/review/" + reviews.reviewToken(oldReview))).andExpect(status().isGone());
        assertThat(reviews.submitReview(oldReview, 5, 5, 5, "Запізнілий відгук")).isFalse();
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_REVIEWS);
        assertThat(repository.review(oldReview).orElseThrow().submitted()).isFalse();

        review(a, 0, 4, 4, 4);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_REVIEWS);
        review(a, 1, 4, 4, 4);
        BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_BOARD_VOTE);
    }

    @Test
    void theBoardsRefusalEndsTheCaseAsNotSupported() {
        GrantApplication a = throughReviews(submit("smp", "300000", 60, "PL"));
        boardVotes(a, "reject");
        BpmnAwareTests.assertThat(instance(a.reference(), KEY)).isNull();
        assertThat(repository.get(a.id()).status()).isEqualTo(GrantStatus.NOT_SUPPORTED);
    }

    @Test
    void theMemberIsRemindedAWeekAndADayBeforeTheDeadlineAndAMissedDeadlineClosesTheCase() {
        GrantApplication a = throughReviews(submit("smp", "300000", 20, "PL"));
        boardVotes(a, "approve");
        runQueuedSteps(a.reference());
        ProcessInstance pi = instance(a.reference(), KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECORD_SUBMISSION);
        int before = mailsTo("nadia@clusterflow.local").size();

        moveClock(Duration.ofDays(13).plusHours(12));
        fireTimer(pi.getId(), TIMER_SUBMISSION_WEEK);
        moveClock(Duration.ofDays(6));
        fireTimer(pi.getId(), TIMER_SUBMISSION_DAY);
        assertThat(mailsTo("nadia@clusterflow.local")).hasSize(before + 2);

        moveClock(Duration.ofDays(1));
        fireTimer(pi.getId(), TIMER_CALL_DEADLINE);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_MISSED);
        assertThat(repository.get(a.id()).status()).isEqualTo(GrantStatus.MISSED);
        assertThat(subjectsTo("olena@clusterflow.local")).anyMatch(s -> s.contains(a.reference()));
    }

    @Test
    void anApplicationLeftUnrevisedPastItsDeadlineIsClosedAsMissed() {
        GrantApplication a = submit("smp", "300000", 10, "PL");
        complete(a.reference(), TASK_SCREEN, "olena", Map.of(SCREENING_DECISION, "changes", SCREENING_COMMENT.name(), "Ні"));
        ProcessInstance pi = instance(a.reference(), KEY);
        moveClock(Duration.ofDays(11));
        fireTimer(pi.getId(), TIMER_REVISION_DEADLINE);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_MISSED);
    }

    @Test
    void theFundersDecisionIsAskedForMonthly() {
        GrantApplication a = throughReviews(submit("smp", "300000", 60, "PL"));
        boardVotes(a, "approve");
        runQueuedSteps(a.reference());
        complete(a.reference(), TASK_RECORD_SUBMISSION, "olena", Map.of(SUBMISSION_REFERENCE.name(), "SMP-1"));
        ProcessInstance pi = instance(a.reference(), KEY);
        moveClock(Duration.ofDays(30).plusMinutes(1));
        fireTimer(pi.getId(), TIMER_OUTCOME_REMINDER);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECORD_OUTCOME);
        complete(a.reference(), TASK_RECORD_OUTCOME, "olena", Map.of(OUTCOME.name(), "reserve"));
        assertThat(repository.get(a.id()).status()).isEqualTo(GrantStatus.RESERVE);
    }

    /**
     * The letter cannot be stored (PostgreSQL refuses it, as a full disk or a broken table would): the board's
     * ballots stay counted, the step is retried three times ten minutes apart, then waits as an incident on the
     * administrators' page; after the fix the administrator retries it and the case goes on.
     */
    @Test
    void aLetterThatCannotBeMadeIsRetriedThenShownToTheAdministratorAndMadeAfterTheFix() throws Exception {
        GrantApplication a = throughReviews(submit("smp", "300000", 60, "PL"));
        ProcessInstance pi = instance(a.reference(), KEY);
        jdbc.sql("""
                create or replace function refuse_letters() returns trigger language plpgsql as $$
                begin
                  if new.file_name like 'letter-of-support-%' then
                    raise exception 'could not extend file: No space left on device';
                  end if;
                  return new;
                end $$""").update();
        jdbc.sql("create trigger refuse_letters before insert on case_document for each row execute function refuse_letters()")
                .update();
        long queuedMails;
        try {
            boardVotes(a, "approve");
            assertThat(jdbc.sql("select count(*) from board_ballot b join board_decision d on d.vote_id = b.vote_id "
                    + "where d.business_key = ?").param(a.reference()).query(Long.class).single())
                    .as("the ballots are kept whatever the letter does").isEqualTo(3);

            queuedMails = outboxRows(a.reference());
            int runs = 0;
            Job job = letterJob(pi);
            while (job.getRetries() > 0) {
                assertThat(job.getDuedate()).as("due now").satisfiesAnyOf(due -> assertThat(due).isNull(),
                        due -> assertThat(due).isBeforeOrEqualTo(ClockUtil.getCurrentTime()));
                String jobId = job.getId();
                assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("No space left");
                runs++;
                job = letterJob(pi);
                if (job.getRetries() > 0) {
                    assertThat(job.getDuedate()).as("the next attempt ten minutes later")
                            .isAfter(ClockUtil.getCurrentTime());
                    moveClock(Duration.ofMinutes(10).plusSeconds(1));
                }
            }
            assertThat(runs).isEqualTo(3);
            assertThat(outboxRows(a.reference())).as("a step rolled back sends no mail").isEqualTo(queuedMails);
            BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE_LETTER);
            assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);

            mvc.perform(get("/admin/incidents").with(as("admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(a.reference())))
                    .andExpect(content().string(containsString("Видати лист підтримки (PDF)")))
                    .andExpect(content().string(containsString("No space left on device")))
                    .andExpect(content().string(containsString("id=\"nav-incidents\"")));
            mvc.perform(get("/admin/incidents").with(as("olena"))).andExpect(status().isForbidden());
            assertThat(repository.get(a.id()).status()).isNotEqualTo(GrantStatus.AWAITING_SUBMISSION);
        } finally {
            jdbc.sql("drop trigger if exists refuse_letters on case_document").update();
            jdbc.sql("drop function if exists refuse_letters()").update();
        }

        String incidentId = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getId();
        mvc.perform(post("/admin/incidents/" + incidentId + "/retry").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "admin.incident.retried"));
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        runQueuedSteps(a.reference());

        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECORD_SUBMISSION);
        assertThat(repository.get(a.id()).status()).isEqualTo(GrantStatus.AWAITING_SUBMISSION);
        assertThat(jdbc.sql("select recipient || ' ' || subject from mail_outbox where business_key = ? order by id")
                .param(a.reference()).query(String.class).list().subList((int) queuedMails, (int) outboxRows(a.reference())))
                .as("the letter and the next task are told once each, when the letter is made")
                .doesNotHaveDuplicates().anyMatch(mail -> mail.startsWith("nadia@clusterflow.local"));
        assertThat(jdbc.sql("select count(*) from case_document where business_key = ? and file_name like 'letter-of-support%'")
                .param(a.reference()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_event where business_key = ? and action = 'step-retried'")
                .param(a.reference()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/admin/incidents/" + incidentId + "/retry").with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("error", "admin.incident.gone"));
        mvc.perform(get("/admin/incidents").with(as("admin")))
                .andExpect(content().string(containsString("id=\"no-incidents\"")));
    }

    private long outboxRows(String businessKey) {
        return jdbc.sql("select count(*) from mail_outbox where business_key = ?").param(businessKey).query(Long.class)
                .single();
    }

    private Job letterJob(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(TASK_ISSUE_LETTER).singleResult();
    }

    // --- helpers

    @Test
    void aReviewerInvitedInEnglishIsWrittenToAndReadsTheReviewPageInEnglish() throws Exception {
        GrantApplication a = throughScreening(submit("smp", "400000", 60, "PL", "DE"));
        Map<String, Object> variables = new HashMap<>();
        variables.put("reviewer1Name", "Anna Reviewer");
        variables.put("reviewer1Email", "reviewer-en-" + a.reference() + "@example.com");
        variables.put("reviewer1Language", "en");
        complete(a.reference(), TASK_ASSIGN_REVIEWERS, "olena", variables);
        assertThat(subjectsTo("reviewer-en-" + a.reference() + "@example.com")).hasSize(1)
                .allMatch(subject -> subject.startsWith("Invitation to review: "));
        var review = repository.reviews(a.id(), repository.currentRound(a.id())).get(0);
        assertThat(review.language()).isEqualTo("en");
        mvc.perform(get("/review/" + reviews.reviewToken(review.id())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Review of a grant application")));
    }

    /** Over the real port: the link serves the application and its documents for the review, and nothing after it. */
    @Test
    void aSubmittedReviewersLinkNoLongerOpensTheApplicationOrItsDocuments() throws Exception {
        GrantApplication a = throughScreening(submit("smp", "300000", 60, "PL"));
        assignReviewers(a, "Одна рецензія", "one-review-" + a.reference() + "@example.com", null, null);
        long document = cases.addDocument(a.reference(), "budget.pdf", "application/pdf", "%PDF-1.4".getBytes(),
                "nadia");
        String link = "/review/" + reviews.reviewToken(repository.reviews(a.id(), repository.currentRound(a.id()))
                .get(0).id());
        try (RealDoor reviewer = RealDoor.from(port, "127.0.39.1")) {
            assertThat(reviewer.get(link).body()).contains("budget.pdf").contains("id=\"review-form\"");
            assertThat(reviewer.get(link + "/documents/" + document).status()).isEqualTo(200);
            assertThat(reviewer.post(link, Map.of("excellence", "4", "impact", "4", "implementation", "4",
                    "comment", "Добре")).body()).contains("id=\"review-done\"");

            RealDoor.Answer after = reviewer.get(link);
            assertThat(after.body()).contains("id=\"review-done\"").contains("id=\"review-closed\"")
                    .doesNotContain("budget.pdf").doesNotContain("id=\"review-form\"");
            assertThat(reviewer.get(link + "/documents/" + document).status()).isEqualTo(410);
            long later = cases.addDocument(a.reference(), "later.pdf", "application/pdf", "%PDF-1.4".getBytes(),
                    "nadia");
            assertThat(reviewer.get(link + "/documents/" + later).status()).isEqualTo(410);
        }
    }

    private GrantApplication submit(String programme, String budget, int daysToDeadline, String... countries) {
        long organisation = jdbc.sql("select id from member_organisation where contact_user = 'nadia'")
                .query(Long.class).single();
        GrantApplication draft = grants.createDraft("nadia", organisation);
        assertThat(grants.save("nadia", draft.reference(), form(draft, programme, budget, daysToDeadline, countries),
                List.of(), true)).isEqualTo(GrantService.SaveResult.SUBMITTED);
        return repository.get(draft.id());
    }

    private static GrantForm form(GrantApplication current, String programme, String budget, int daysToDeadline,
                                  String... countries) {
        Map<String, String[]> params = new HashMap<>();
        params.put("programme", new String[] {programme});
        params.put("callId", new String[] {"HORIZON-CL4-2027-TWIN-01"});
        params.put("callDeadline", new String[] {AppClock.today().plusDays(daysToDeadline).toString()});
        params.put("title", new String[] {"Цифровий двійник зварювальної лінії"});
        params.put("summary", new String[] {"Цифровий двійник для автоматизації машинобудування"});
        params.put("titleEn", new String[] {"Digital twin of a welding line"});
        params.put("summaryEn", new String[] {"A digital twin for automating machine building"});
        params.put("requestedBudget", new String[] {budget});
        params.put("coFinancing", new String[] {"10000"});
        params.put("version", new String[] {String.valueOf(current.version())});
        for (int i = 0; i < countries.length; i++) {
            params.put("partnerName" + i, new String[] {"Partner " + countries[i]});
            params.put("partnerCountry" + i, new String[] {countries[i]});
            params.put("partnerRole" + i, new String[] {"Technology partner"});
        }
        GrantForm form = GrantForm.typed(params);
        assertThat(form.check(true)).as("form errors %s", form.errors()).isTrue();
        return form;
    }

    private GrantApplication throughScreening(GrantApplication a) {
        complete(a.reference(), TASK_SCREEN, "olena", Map.of(SCREENING_DECISION, "accept"));
        return a;
    }

    private GrantApplication throughReviews(GrantApplication a) {
        throughScreening(a);
        assignReviewers(a, "Експерт", "expert-" + a.reference() + "@example.com", null, null);
        review(a, 0, 4, 4, 4);
        return a;
    }

    private void assignReviewers(GrantApplication a, String name1, String email1, String name2, String email2) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reviewer1Name", name1);
        variables.put("reviewer1Email", email1);
        variables.put("reviewer2Name", name2);
        variables.put("reviewer2Email", email2);
        complete(a.reference(), TASK_ASSIGN_REVIEWERS, "olena", variables);
    }

    private void review(GrantApplication a, int index, int excellence, int impact, int implementation) {
        var reviews = repository.reviews(a.id(), repository.currentRound(a.id()));
        assertThat(this.reviews.submitReview(reviews.get(index).id(), excellence, impact, implementation, "Коментар"))
                .isTrue();
    }

    private void boardVotes(GrantApplication a, String choice) {
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(a.reference(), voter, choice, "reject".equals(choice) ? "Не на часі" : null);
        }
    }

}
