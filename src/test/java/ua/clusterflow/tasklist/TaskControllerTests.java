package ua.clusterflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.engine.TaskListService;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/** The task list and task page as coordinators use them: claiming, completing, conflicts, delegation. */
class TaskControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TaskWorkService work;
    @Autowired ClusterDirectory directory;
    @Autowired TaskListService taskList;

    @Test
    void theTaskListShowsTheClustersTasksWithCountsAndFindsACaseByTitle() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Шукана назва»", newEdrpou(), "search@example.com");
        mvc.perform(get("/tasks").with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"count count-group\"")));
        // the list runs by due date, so the new case is on whichever page its due date puts it
        assertThat(pageListing(app.reference(), "olena")).as("a page of the task list holds the case").isNotNegative();
        // the navigation's counts, read only as the page renders them, are the person's own
        Map<String, Long> counts = taskList.counts(user("olena"));
        assertThat(counts.get("group")).isPositive();
        String page = mvc.perform(get("/tasks").with(as("olena"))).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("class=\"count\" title=\"[^\"]*\">" + counts.get("mine") + "<")
                .containsPattern("class=\"count count-group\" title=\"[^\"]*\">" + counts.get("group") + "<");
        mvc.perform(get("/tasks").param("q", "шукана").with(as("olena")))
                .andExpect(content().string(containsString(row(app.reference()))))
                .andExpect(content().string(not(containsString(row("ONB-00001")))));
        mvc.perform(get("/tasks").param("q", app.reference()).param("view", "mine").with(as("olena")))
                .andExpect(content().string(not(containsString(row(app.reference())))));
        mvc.perform(get("/tasks").param("due", "overdue").with(as("olena")))
                .andExpect(content().string(not(containsString(row(app.reference())))));
    }

    @Test
    void aFormWithErrorsKeepsWhatWasTypedAndACompleteOneMovesTheCaseOn() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Форма»", newEdrpou(), "form@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);

        mvc.perform(post("/tasks/" + review.getId()).with(as("olena")).with(csrf())
                        .param("reviewDecision", "reject").param("reviewChecks", "registry"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-reviewComment\"")))
                .andExpect(content().string(containsString("value=\"registry\" checked")));

        mvc.perform(post("/tasks/" + review.getId()).with(as("olena")).with(csrf())
                        .param("reviewDecision", "moreInfo").param("reviewComment", "Додайте витяг"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("message", "task.completed"));
        BpmnAwareTests
                .assertThat(instance(app.reference(), OnboardingProcess.KEY))
                .isWaitingAt(OnboardingProcess.TASK_AWAIT_AMENDMENT);
    }

    @Test
    void aFieldLeftEmptyClearsAnEarlierAnswerAndCreatesNoEmptyOne() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Порожнє поле»", newEdrpou(), "empty@example.com");
        mvc.perform(post("/tasks/" + task(app.reference(), OnboardingProcess.TASK_REVIEW).getId()).with(as("olena"))
                        .with(csrf()).param("reviewDecision", "moreInfo").param("reviewComment", "Додайте витяг"))
                .andExpect(redirectedUrl("/tasks"));
        runtime.createMessageCorrelation(OnboardingProcess.MSG_APPLICATION_AMENDED)
                .processInstanceBusinessKey(app.reference()).correlate();
        mvc.perform(post("/tasks/" + task(app.reference(), OnboardingProcess.TASK_REVIEW).getId()).with(as("olena"))
                        .with(csrf()).param("reviewDecision", "accept").param("reviewComment", ""))
                .andExpect(redirectedUrl("/tasks"));
        Map<String, Object> variables = runtime.getVariables(instance(app.reference(), OnboardingProcess.KEY).getId());
        assertThat(variables).as("the first review's word does not live on as the second's")
                .containsEntry("reviewComment", null)
                .as("a field no step ever filled in leaves no variable").doesNotContainKey("reviewChecks");
    }

    @Test
    void aTaskIsOpenedAndCompletedOnlyByThoseItIsOfferedTo() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Не для всіх»", newEdrpou(), "offered@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);
        // the coordinator of another cluster, a board member and a member of this one: the review is the coordinators'
        for (String outsider : List.of("serhiy", "iryna", "nadia")) {
            mvc.perform(get("/tasks/" + review.getId()).with(as(outsider)))
                    .andExpect(redirectedUrl("/tasks"))
                    .andExpect(flash().attribute("error", "task.gone"));
            mvc.perform(post("/tasks/" + review.getId()).with(as(outsider)).with(csrf())
                            .param("reviewDecision", "accept"))
                    .andExpect(redirectedUrl("/tasks"))
                    .andExpect(flash().attribute("error", "task.gone"));
        }
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        mvc.perform(get("/tasks/" + review.getId()).with(as("olena")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(app.reference())));
    }

    @Test
    void aDoubleSubmittedTaskFormCompletesTheTaskOnce() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Двічі»", newEdrpou(), "twice@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/tasks/" + review.getId()).with(as("olena")).with(csrf())
                    .param("reviewDecision", "accept"));
        }
        mvc.perform(post("/tasks/" + review.getId()).with(as("olena")).with(csrf()).param("reviewDecision", "accept"))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("error", "task.gone"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(app.reference())
                .processDefinitionKey("BoardVote").count()).isEqualTo(1);
    }

    @Test
    void twoCoordinatorsCompletingTheSameTaskAtOnceOneWinsTheOtherIsTold() throws Exception {
        if (!directory.personExists("kateryna")) {
            directory.createPerson("kateryna", "Катерина", "Соловйова", "kateryna@clusterflow.local", "uk", "secret-pass");
            directory.grant("kateryna", "kharkiv", Role.COORDINATOR);
        }
        OnboardingApplication app = apply("kharkiv", "ТОВ «Гонка»", newEdrpou(), "race@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<String> olena = CompletableFuture.supplyAsync(() -> attempt(start, "olena", review, "accept"));
        CompletableFuture<String> kateryna = CompletableFuture.supplyAsync(() -> attempt(start, "kateryna", review, "reject"));
        start.countDown();

        assertThat(List.of(olena.get(), kateryna.get())).containsExactlyInAnyOrder("done", "task.heldByOther");
        assertThat(history.createHistoricTaskInstanceQuery().taskId(review.getId()).finished().count()).isEqualTo(1);
    }

    @Test
    void aTaskHeldBySomeoneElseCannotBeCompletedAndTheFormIsKept() throws Exception {
        if (!directory.personExists("kateryna")) {
            directory.createPerson("kateryna", "Катерина", "Соловйова", "kateryna@clusterflow.local", "uk", "secret-pass");
            directory.grant("kateryna", "kharkiv", Role.COORDINATOR);
        }
        OnboardingApplication app = apply("kharkiv", "ТОВ «Зайнято»", newEdrpou(), "held@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);
        tasks.claim(review.getId(), "kateryna");
        mvc.perform(post("/tasks/" + review.getId()).with(as("olena")).with(csrf())
                        .param("reviewDecision", "reject").param("reviewComment", "Мій довгий коментар"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Задачу вже виконує Катерина Соловйова")))
                .andExpect(content().string(containsString("Мій довгий коментар")));
    }

    @Test
    void aDelegatedTaskCarriesTheNoteToTheDelegateAndTheirAnswerBackToTheOwner() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Делегую»", newEdrpou(), "delegate@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);
        tasks.claim(review.getId(), "olena");
        mvc.perform(post("/tasks/" + review.getId() + "/delegate").with(as("olena")).with(csrf())
                        .param("delegate", "petro").param("note", "Перевір, будь ласка, профіль"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo("petro");
        // the delegate's mail names who delegated and carries the note
        MimeMessage delegated = mailsTo("petro@clusterflow.local").stream()
                .filter(m -> subject(m).equals("Делеговано вам: Розгляньте заявку на членство")).findFirst().orElseThrow();
        assertThat(body(delegated)).contains(directory.displayName("olena")).contains("Перевір, будь ласка, профіль");
        // and so does the task's page
        mvc.perform(get("/tasks/" + review.getId()).with(as("petro")))
                .andExpect(content().string(containsString("id=\"delegation-note\"")))
                .andExpect(content().string(containsString("Перевір, будь ласка, профіль")))
                .andExpect(content().string(containsString(directory.displayName("olena"))));

        mvc.perform(post("/tasks/" + review.getId()).with(as("petro")).with(csrf())
                        .param("reviewDecision", "moreInfo").param("reviewComment", "Бракує витягу з ЄДР"))
                .andExpect(redirectedUrl("/tasks"));
        Task back = tasks.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(back.getAssignee()).isEqualTo("olena");
        // the case has not moved: the owner decides, with the delegate's answer before them
        assertThat(runtime.getVariable(back.getProcessInstanceId(), OnboardingProcess.REVIEW_COMMENT.name())).isNull();
        MimeMessage returned = mailsTo("olena@clusterflow.local").stream()
                .filter(m -> subject(m).equals("Повернуто з відповіддю: Розгляньте заявку на членство")).findFirst()
                .orElseThrow();
        assertThat(body(returned)).contains(directory.displayName("petro"));
        mvc.perform(get("/tasks/" + review.getId()).with(as("olena")))
                .andExpect(content().string(containsString("id=\"delegation-answer\"")))
                .andExpect(content().string(containsString("value=\"moreInfo\" checked")))
                .andExpect(content().string(containsString("Бракує витягу з ЄДР</textarea>")));
        assertThat(jdbc.sql("select detail from case_event where business_key = ? and action = 'resolved'")
                .param(app.reference()).query(String.class).single()).contains("Бракує витягу з ЄДР");

        mvc.perform(post("/tasks/" + review.getId()).with(as("olena")).with(csrf())
                        .param("reviewDecision", "moreInfo").param("reviewComment", "Бракує витягу з ЄДР"))
                .andExpect(redirectedUrl("/tasks"));
        BpmnAwareTests
                .assertThat(instance(app.reference(), OnboardingProcess.KEY))
                .isWaitingAt(OnboardingProcess.TASK_AWAIT_AMENDMENT);
        assertThat(mailsTo("delegate@example.com").stream().map(IntegrationTest::body))
                .anyMatch(text -> text.contains("Бракує витягу з ЄДР"));
        assertThat(jdbc.sql("select action from case_event where business_key = ? order by id")
                .param(app.reference()).query(String.class).list()).contains("delegated", "resolved", "completed");
        // the step taken is named in the reader's language, whoever took it
        String english = org.jsoup.Jsoup.parse(mvc.perform(get("/cases/" + app.reference()).with(as("olena"))
                        .cookie(new Cookie("clusterflow-lang", "en")))
                .andReturn().getResponse().getContentAsString()).select("ol.history").text();
        assertThat(english).contains("Review the membership application").doesNotContain("Розгляньте");
    }

    @Test
    void aPlannedDueDateFeedsTheOverdueAndTodayFiltersAndTheGroupIsMailedAboutNewTasks() throws Exception {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Строки»", newEdrpou(), "due@example.com");
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Нова задача: Розгляньте заявку на членство");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);
        LocalDate today = AppClock.today();

        mvc.perform(post("/tasks/" + review.getId() + "/plan").with(as("olena")).with(csrf())
                        .param("due", today.minusDays(2).toString()).param("followUp", today.toString())
                        .param("priority", "80"))
                .andExpect(flash().attribute("message", "task.planned"));
        Task planned = tasks.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(planned.getPriority()).isEqualTo(80);
        assertThat(planned.getFollowUpDate()).isNotNull();
        mvc.perform(get("/tasks").param("due", "overdue").with(as("olena")))
                .andExpect(content().string(containsString(row(app.reference()))));

        mvc.perform(post("/tasks/" + review.getId() + "/plan").with(as("olena")).with(csrf())
                        .param("due", today.toString()))
                .andExpect(flash().attribute("message", "task.planned"));
        mvc.perform(get("/tasks").param("due", "today").with(as("olena")))
                .andExpect(content().string(containsString(row(app.reference()))));
        mvc.perform(get("/tasks").param("due", "overdue").with(as("olena")))
                .andExpect(content().string(not(containsString(row(app.reference())))));
    }

    @Test
    void theTaskListPagesByTwentyFive() throws Exception {
        for (int i = 0; i < 26; i++) {
            apply("zaporizhzhia", "ТОВ «Сторінка " + i + "»", newEdrpou(), "page" + i + "@example.com");
        }
        String first = mvc.perform(get("/tasks").with(as("serhiy"))).andReturn().getResponse().getContentAsString();
        assertThat(first.split("data-case=", -1)).hasSize(26);
        assertThat(first).contains("Сторінка 1 з ");
        String second = mvc.perform(get("/tasks").param("page", "1").with(as("serhiy")))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("data-case=").contains("Сторінка 2 з ");
    }

    @Test
    void delegationOutsideTheClusterIsRefused() {
        OnboardingApplication app = apply("kharkiv", "ТОВ «Чужий»", newEdrpou(), "outsider@example.com");
        Task review = task(app.reference(), OnboardingProcess.TASK_REVIEW);
        tasks.claim(review.getId(), "olena");
        assertThatThrownBy(() -> work.delegate(user("olena"), review.getId(), "serhiy", null))
                .isInstanceOf(TaskProblem.class).hasMessage("task.delegate.invalid");
    }

    private String attempt(CountDownLatch start, String userId, Task review, String decision) {
        try {
            start.await();
            Map<String, Object> values = "reject".equals(decision)
                    ? Map.of("reviewDecision", decision, "reviewComment", "Ні")
                    : Map.of("reviewDecision", decision);
            work.complete(user(userId), review.getId(), FormSubmission.ofValues(values));
            return "done";
        } catch (TaskProblem problem) {
            return problem.messageKey().equals("task.gone") ? "task.heldByOther" : problem.messageKey();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a case shows as a row of the task list or the case list. */
    /** The first page of the person's task list that holds the case, or -1 when none does. */
    private int pageListing(String businessKey, String userId) throws Exception {
        for (int page = 0; ; page++) {
            String html = mvc.perform(get("/tasks").param("page", String.valueOf(page)).with(as(userId)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (html.contains(row(businessKey))) {
                return page;
            }
            if (!html.contains("data-case=\"")) {
                return -1;
            }
        }
    }

    private static String row(String businessKey) {
        return "data-case=\"" + businessKey + "\"";
    }
}
