package ua.clusterflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.engine.TaskListService;

/**
 * The task list answers exactly what the engine's own task query answers for the same person and filter, in the same
 * order, and so do the counts in the navigation: for a coordinator, a board member and a member, every view, due
 * filter and process, across pages.
 */
class TaskListQueryTest extends IntegrationTest {

    @Autowired TaskListService taskList;

    private final List<String> made = new ArrayList<>();

    /** The cases of this test leave the demo cluster's task list as they found it, for the tests after it. */
    @AfterEach
    void removeTheCases() {
        for (String reference : made) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                    .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test data"));
        }
    }

    private OnboardingApplication application(String name) {
        OnboardingApplication app = apply("kharkiv", name, newEdrpou(), "row" + made.size() + "@example.com");
        made.add(app.reference());
        return app;
    }

    @Test
    void everyViewAndFilterAgreesWithTheEnginesTaskQuery() {
        for (int i = 0; i < 30; i++) {
            OnboardingApplication app = application("ТОВ «Рядок " + i + "»");
            if (i % 3 == 0) {
                tasks.claim(task(app.reference(), OnboardingProcess.TASK_REVIEW).getId(), "olena");
            }
        }
        Task delegated = task(application("ТОВ «Доручена»").reference(), OnboardingProcess.TASK_REVIEW);
        tasks.setOwner(delegated.getId(), "olena");
        tasks.setAssignee(delegated.getId(), "petro");
        moveClock(Duration.ofDays(6));

        for (String userId : List.of("olena", "petro", "nadia", "serhiy")) {
            CurrentUser user = user(userId);
            for (String view : List.of("all", "mine", "group")) {
                for (String due : new String[] {null, "overdue", "today"}) {
                    for (String process : new String[] {null, OnboardingProcess.KEY, "BoardVote"}) {
                        for (int page = 0; page < 3; page++) {
                            TaskFilter filter = new TaskFilter(view, process, null, due, null, page);
                            TaskPage answer = taskList.list(user, filter);
                            List<Task> expected = engineQuery(user, filter).orderByDueDate().asc()
                                    .orderByTaskPriority().desc().orderByTaskCreateTime().desc().orderByTaskId().asc()
                                    .listPage(page * TaskFilter.PAGE_SIZE, TaskFilter.PAGE_SIZE);
                            String what = userId + " " + filter;
                            assertThat(answer.tasks().stream().map(TaskView::id).toList()).as(what)
                                    .isEqualTo(expected.stream().map(Task::getId).toList());
                            if (!expected.isEmpty()) {
                                assertThat(answer.total()).as(what).isEqualTo(engineQuery(user, filter).count());
                            }
                        }
                    }
                }
            }
            Map<String, Long> counts = taskList.counts(user);
            assertThat(counts.get("mine")).as(userId).isEqualTo(inClusters(user).taskAssignee(userId).count());
            assertThat(counts.get("group")).as(userId).isEqualTo(inClusters(user).taskCandidateUser(userId).count());
        }
        // a search reads the person's own tasks or case_record's trigram indexes, by how many tasks they have: the same
        // rows either way
        String reference = made.get(7);
        for (String search : List.of("Рядок 1", "рядок", reference, reference.substring(4), "ONB-", "Доручена", "немає")) {
            for (String view : List.of("all", "mine", "group")) {
                TaskFilter filter = new TaskFilter(view, null, null, null, search, 0);
                List<String> few = taskList.list(user("olena"), filter, Map.of("mine", 0L, "group", 0L)).tasks()
                        .stream().map(TaskView::id).toList();
                List<String> many = taskList.list(user("olena"), filter, Map.of("mine", 10_000L, "group", 0L)).tasks()
                        .stream().map(TaskView::id).toList();
                assertThat(few).as(view + " " + search).isEqualTo(many);
                // as the page reads them: with the counts, in one transaction planned once per connection
                assertThat(taskList.listing(user("olena"), filter).page().tasks().stream().map(TaskView::id).toList())
                        .as(view + " " + search).isEqualTo(few);
                if (search.equals(reference) && !view.equals("mine")) {
                    assertThat(few).as(view + " " + search).hasSize(1);
                }
            }
        }
        assertThat(taskList.list(user("olena"), new TaskFilter("all", null, null, null, "Рядок 1", 0)).total())
                .isEqualTo(11);
        TaskView row = taskList.list(user("olena"), new TaskFilter("all", null, null, null, "Доручена", 0)).tasks()
                .get(0);
        assertThat(row.caseTitle()).isEqualTo("ТОВ «Доручена»");
        assertThat(row.assigneeName()).isEqualTo("Петро Бондаренко");
        assertThat(row.ownerName()).isEqualTo("Олена Коваль");
        assertThat(row.processKey()).isEqualTo(OnboardingProcess.KEY);
        assertThat(row.clusterName()).isNotBlank();
        assertThat(row.overdue()).isTrue();
    }

    private TaskQuery inClusters(CurrentUser user) {
        return tasks.createTaskQuery().tenantIdIn(user.clusterIds().toArray(String[]::new));
    }

    /** The engine's task query for a person and filter, as the task list asked it before it had its own statement. */
    private TaskQuery engineQuery(CurrentUser user, TaskFilter filter) {
        TaskQuery query = inClusters(user);
        switch (filter.view()) {
            case "mine" -> query.taskAssignee(user.id());
            case "group" -> query.taskCandidateUser(user.id());
            default -> query.or().taskAssignee(user.id()).taskOwner(user.id()).taskCandidateUser(user.id()).endOr();
        }
        if (filter.process() != null) {
            query.processDefinitionKey(filter.process());
        }
        if ("overdue".equals(filter.due())) {
            query.dueBefore(AppClock.nowDate());
        } else if ("today".equals(filter.due())) {
            var today = AppClock.today();
            query.dueAfter(Date.from(today.atStartOfDay(AppClock.KYIV).toInstant()))
                    .dueBefore(Date.from(today.atTime(LocalTime.MAX).atZone(AppClock.KYIV).toInstant()));
        }
        return query;
    }
}
