package ua.clusterflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.board.process.MotionProcess;
import ua.clusterflow.delegation.process.DelegationProcess;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.followup.process.FollowUpProcess;
import ua.clusterflow.grant.GrantForms;
import ua.clusterflow.grant.process.GrantProcess;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupRegistrations;
import ua.clusterflow.meetup.MeetupRepository;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.meetup.process.MeetupProcess;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * Markup typed into the free-text fields of every process (applications, grant forms and reviews, meetup proposals,
 * plans, experts and guests, role proposals, motions with their options and statements, follow-ups, ballots, comments,
 * people's names) and into the names of uploaded files
 * comes back as text wherever it is shown: the task list, task, case, board, meetup and link pages, and the mail
 * written about it. It never comes back as markup.
 */
class StoredScriptTest extends IntegrationTest {

    static final String PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private static final String FILE_NAME = "<img src=x onerror=alert(1)>.pdf";
    private static final List<String> BOARD = List.of("petro", "iryna", "andriy", "maria", "taras");

    @Autowired MockMvc mvc;
    @Autowired HistoryService history;
    @Autowired MeetupService meetups;
    @Autowired MeetupRegistrations registrations;
    @Autowired MeetupRepository meetupRepository;

    private int pagesChecked;

    @AfterEach
    void noMailCarriesMarkupFromAPerson() {
        List<String> bodies = jdbc.sql("select body_html from mail_outbox").query(String.class).list();
        assertThat(bodies).allSatisfy(body -> assertThat(body)
                .doesNotContain("<script>alert(").doesNotContain("<img src=x"));
        assertThat(pagesChecked).as("pages checked").isPositive();
    }

    @Test
    void markupInAnApplicationIsShownAsTextOnEveryPageAndInMail() throws Exception {
        Map<String, Object> values = applicationValues("ТОВ " + PAYLOAD, newEdrpou(), "markup@example.com");
        for (String field : List.of("region", "contactName", "offers", "needs")) {
            values.put(field, field + " " + PAYLOAD);
        }
        OnboardingApplication app = onboarding.apply("kharkiv", UUID.randomUUID().toString(),
                FormSubmission.ofValues(values), "uk", null);
        String taskId = task(app.reference(), OnboardingProcess.TASK_REVIEW).getId();

        shownAsText(as("olena"), "/tasks?q=" + app.reference(), "/tasks/" + taskId, "/cases/" + app.reference());
        assertThat(mailsOf(app.reference())).isNotEmpty();
    }

    @Test
    void markupInAGrantApplicationItsFileNameReviewCommentAndBallotsIsShownAsText() throws Exception {
        String reference = GrantForms.newDraft(mvc, as("nadia"));
        mvc.perform(GrantForms.form(reference, 0, "submit", as("nadia"), "callId", "CALL " + PAYLOAD,
                        "title", "Title " + PAYLOAD, "summary", "Summary " + PAYLOAD,
                        "partnerName0", "Partner " + PAYLOAD, "partnerRole0", "Role " + PAYLOAD)
                        .file(new MockMultipartFile("attachments", FILE_NAME, "application/pdf", "%PDF-1.4\n%\n".getBytes())))
                .andExpect(redirectedUrl("/grants"));
        assertThat(jdbc.sql("select file_name from case_document where business_key = ?").param(reference)
                .query(String.class).single()).doesNotContain("<").doesNotContain(">").endsWith(".pdf");

        mvc.perform(post("/cases/" + reference + "/comments").with(as("olena")).with(csrf())
                .param("body", "Comment " + PAYLOAD)).andExpect(status().is3xxRedirection());
        complete(reference, GrantProcess.TASK_SCREEN, "olena", Map.of("screeningDecision", "accept"));
        complete(reference, GrantProcess.TASK_ASSIGN_REVIEWERS, "olena",
                Map.of("reviewer1Name", "Reviewer " + PAYLOAD, "reviewer1Email", "markup-reviewer@example.com"));
        String review = body(mailsTo("markup-reviewer@example.com").get(0))
                .replaceAll("(?s).*href=\"[^\"]*(/review/[^\"]+)\".*", "$1");
        shownAsText(null, review);
        mvc.perform(post(review).with(csrf()).param("excellence", "4").param("impact", "4")
                .param("implementation", "4").param("comment", "Review " + PAYLOAD)).andExpect(status().isOk());
        shownAsText(null, review);

        String voteId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(BoardVoteProcess.KEY).singleResult().getId();
        String ballotTask = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskAssignee("petro")
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).singleResult().getId();
        shownAsText(as("petro"), "/tasks/" + ballotTask, "/board");
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(reference, voter, "approve", "Ballot " + PAYLOAD);
        }
        runQueuedSteps(reference);

        shownAsText(as("olena"), "/tasks?q=" + reference, "/cases/" + reference, "/grants", "/grants/calendar");
        shownAsText(as("petro"), "/board", "/board/votes/" + voteId);
        shownAsText(as("nadia"), "/grants", "/cases/" + reference);
        assertThat(mailsOf(reference)).isNotEmpty();
    }

    @Test
    void markupInAMeetupProposalPlanExpertsAndGuestsIsShownAsText() throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put("segment", "Segment " + PAYLOAD);
        values.put("challenge", "Challenge " + PAYLOAD);
        values.put("format", "offline");
        values.put("windowFrom", AppClock.today().plusDays(10));
        values.put("windowTo", AppClock.today().plusDays(30));
        Meetup m = meetups.propose("kharkiv", "nadia", FormSubmission.ofValues(values));
        String planTask = task(m.reference(), MeetupProcess.TASK_PLAN).getId();
        shownAsText(as("olena"), "/tasks?q=" + m.reference(), "/tasks/" + planTask, "/cases/" + m.reference(),
                "/meetups");

        Map<String, Object> plan = new HashMap<>();
        plan.put("meetupDate", Date.from(AppClock.today().plusDays(20).atStartOfDay(AppClock.KYIV).toInstant()));
        plan.put("startTime", "14:00");
        plan.put("durationHours", 2L);
        plan.put("venue", "Venue " + PAYLOAD);
        plan.put("capacityOffline", 5L);
        plan.put("capacityOnline", 0L);
        plan.put("budget", 3000.0);
        complete(m.reference(), MeetupProcess.TASK_PLAN, "olena", plan);
        complete(m.reference(), MeetupProcess.TASK_APPROVE, "olena", Variable.values().and(MeetupProcess.APPROVAL_DECISION, "approve"));
        CaseSteps.shortlistExperts(tasks, m.reference(), "Expert " + PAYLOAD, "markup-expert");
        List<MeetupRepository.Expert> shortlisted = meetupRepository.experts(m.id());
        shownAsText(null, "/expert/" + meetups.expertToken(shortlisted.get(0).id()));
        shortlisted.forEach(e -> meetups.answer(e.id(), true));
        long guest = registrations.register(m.reference(), "Guest " + PAYLOAD, "Org " + PAYLOAD,
                "markup-guest@example.com", "offline", "uk").registrationId();

        shownAsText(null, "/meetups/" + m.reference(), "/meetups/registrations/" + registrations.registrationToken(guest));
        shownAsText(as("olena"), "/cases/" + m.reference(), "/meetups");
        assertThat(mailsOf(m.reference())).isNotEmpty();
    }

    @Test
    void markupInARoleProposalAndItsAnswerIsShownAsText() throws Exception {
        String location = mvc.perform(post("/roles/propose").param("cluster", "kharkiv").with(as("petro")).with(csrf())
                        .param("roleCode", "export-marketing").param("nominee", "maria")
                        .param("responsibilities", "Duties " + PAYLOAD).param("expectedResults", "Results " + PAYLOAD)
                        .param("hoursPerMonth", "10").param("termStart", AppClock.today().toString())
                        .param("termEnd", AppClock.today().plusDays(365).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String key = location.substring(location.lastIndexOf('/') + 1);
        String nomination = task(key, DelegationProcess.TASK_CONSIDER_NOMINATION).getId();
        shownAsText(as("maria"), "/tasks/" + nomination, "/cases/" + key);
        Map<String, Object> answer = new HashMap<>();
        answer.put(DelegationProcess.NOMINATION_ANSWER, "accept");
        answer.put(DelegationProcess.NOMINATION_COMMENT, "Answer " + PAYLOAD);
        tasks.complete(nomination, answer);
        String voteId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                .processDefinitionKey(BoardVoteProcess.KEY).singleResult().getId();
        for (String voter : BOARD) {
            if (tasks.createTaskQuery().processInstanceBusinessKey(key).taskAssignee(voter)
                    .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).count() > 0) {
                castBallot(key, voter, "approve", "Ballot " + PAYLOAD);
            }
        }
        shownAsText(as("petro"), "/cases/" + key, "/board/votes/" + voteId);
        assertThat(mailsOf(key)).isNotEmpty();
    }

    @Test
    void markupInAMotionItsOptionsBallotsStatementAndItsFollowUpIsShownAsText() throws Exception {
        String location = mvc.perform(multipart("/board/motions/new").param("cluster", "kharkiv").with(as("olena"))
                        .with(csrf()).param("question", "Question " + PAYLOAD).param("motionText", "Text " + PAYLOAD)
                        .param("options", "First " + PAYLOAD + "\nSecond").param("publicOutcome", "true")
                        .param("closesOn", AppClock.today().plusDays(4).toString()).param("closesAtTime", "12:00")
                        .param("quorumPercent", "51"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String key = location.substring(location.lastIndexOf('/') + 1);
        String voteId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                .processDefinitionKey(BoardVoteProcess.KEY).singleResult().getId();
        String ballot = tasks.createTaskQuery().processInstanceBusinessKey(key).taskAssignee("petro").singleResult().getId();
        shownAsText(as("petro"), "/tasks/" + ballot, "/board/votes/" + voteId);
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(key, voter, "option1", "Ballot " + PAYLOAD);
        }
        tasks.complete(task(key, MotionProcess.TASK_WRITE_STATEMENT).getId(),
                Map.of(MotionProcess.STATEMENT.name(), "Statement " + PAYLOAD));
        shownAsText(as("petro"), "/cases/" + key, "/board/votes/" + voteId, "/board");

        String followUp = mvc.perform(post("/follow-ups/new").param("case", key).with(as("olena")).with(csrf())
                        .param("action", "Action " + PAYLOAD).param("owner", "andriy")
                        .param("dueOn", AppClock.today().plusDays(3).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String followUpKey = followUp.substring(followUp.lastIndexOf('/') + 1);
        shownAsText(as("olena"), "/follow-ups", followUp, "/cases/" + key);
        shownAsText(as("andriy"), "/tasks/" + task(followUpKey, FollowUpProcess.TASK_DO_FOLLOW_UP).getId());
        tasks.complete(task(followUpKey, FollowUpProcess.TASK_DO_FOLLOW_UP).getId(),
                Map.of(FollowUpProcess.OUTCOME.name(), "Done " + PAYLOAD));
        shownAsText(as("olena"), followUp);
        assertThat(mailsOf(key)).isNotEmpty();
        assertThat(mailsOf(followUpKey)).isNotEmpty();
    }

    @Test
    void markupInAPersonsNameIsShownAsTextOnTheAdministratorsPageAndInTheInvitation() throws Exception {
        mvc.perform(post("/admin/clusters/kharkiv/people").with(as("admin")).with(csrf())
                        .param("userId", "markup").param("firstName", "First " + PAYLOAD)
                        .param("lastName", "Last " + PAYLOAD).param("email", "markup-person@example.com")
                        .param("roles", "MEMBER"))
                .andExpect(redirectedUrl("/admin/clusters/kharkiv"));
        shownAsText(as("admin"), "/admin/clusters/kharkiv");
        assertThat(body(mailsTo("markup-person@example.com").get(0))).contains("&lt;script&gt;alert(");
    }

    /** Each page, seen by the person (or without signing in), shows the markup as text and never as markup. */
    private void shownAsText(RequestPostProcessor person, String... pages) throws Exception {
        for (String page : pages) {
            MockHttpServletRequestBuilder request = get(page);
            if (person != null) {
                request.with(person);
            }
            var response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(page).isEqualTo(200);
            assertThat(response.getContentAsString()).as(page).contains("&lt;script&gt;alert(")
                    .doesNotContain("<script>alert(").doesNotContain("<img src=x");
            pagesChecked++;
        }
    }

    private List<String> mailsOf(String businessKey) {
        return jdbc.sql("select body_html from mail_outbox where business_key = ?").param(businessKey)
                .query(String.class).list();
    }
}
