package ua.clusterflow.tasklist.engine;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Detail;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.Delegation;
import ua.clusterflow.tasklist.DocumentQuota;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormLabels;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.TaskProblem;
import ua.clusterflow.tasklist.TaskView;

/** What a person does with a task: claim, hand back, delegate, plan, and complete with a form. */
@Service
public class TaskWorkService {

    private static final int ATTEMPTS = 8;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TaskListService taskList;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final TransactionTemplate transaction;
    private final DocumentQuota quota;
    private final FormDefinitions forms;
    private final FormLabels labels;
    private final EngineCompletion completion;

    public TaskWorkService(TaskService tasks, RuntimeService runtime, TaskListService taskList, CaseRepository cases,
                           ClusterDirectory directory, TransactionTemplate transaction,
                           DocumentQuota quota, FormDefinitions forms, FormLabels labels, EngineCompletion completion) {
        this.completion = completion;
        this.forms = forms;
        this.labels = labels;
        this.quota = quota;
        this.tasks = tasks;
        this.runtime = runtime;
        this.taskList = taskList;
        this.cases = cases;
        this.directory = directory;
        this.transaction = transaction;
    }

    public void claim(CurrentUser user, String taskId) {
        Task task = visible(user, taskId);
        try {
            tasks.claim(task.getId(), user.id());
        } catch (TaskAlreadyClaimedException e) {
            throw new TaskProblem("task.heldByOther", directory.displayName(e.getTaskAssignee()));
        } catch (OptimisticLockingException e) {
            // a colleague's claim of the same task at the same moment won: say who holds it now
            Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
            if (now == null) {
                throw new TaskProblem("task.gone");
            }
            if (!user.id().equals(now.getAssignee())) {
                throw new TaskProblem("task.heldByOther", directory.displayName(now.getAssignee()));
            }
        }
    }

    public void unclaim(CurrentUser user, String taskId) {
        Task task = visible(user, taskId);
        requireHeldBy(user, task);
        tasks.setAssignee(task.getId(), null);
    }

    public void delegate(CurrentUser user, String taskId, String delegateId, String note) {
        transaction.executeWithoutResult(status -> {
            Task task = visible(user, taskId);
            requireHeldBy(user, task);
            boolean sameCluster = directory.staffOf(task.getTenantId()).stream()
                    .anyMatch(p -> p.id().equals(delegateId));
            if (!sameCluster || delegateId.equals(user.id())) {
                throw new TaskProblem("task.delegate.invalid");
            }
            // set before the hand-over, so that the mail the hand-over sends carries the note and who sent it
            Map<String, Object> delegation = new HashMap<>();
            delegation.put(Delegation.DELEGATED_BY, user.id());
            delegation.put(Delegation.NOTE, note == null || note.isBlank() ? null : note.trim());
            tasks.removeVariableLocal(task.getId(), Delegation.RETURNED_BY);
            tasks.setVariablesLocal(task.getId(), delegation);
            tasks.delegateTask(task.getId(), delegateId);
            event(businessKey(task), user.name(), "delegated",
                    stepName(task) + " → " + directory.displayName(delegateId) + (note == null || note.isBlank() ? "" : ": " + note.trim()));
        });
    }

    /** The delegation of a task, when it has one: the note for the delegate, the answer for the owner. */
    public Optional<Delegation> delegation(TaskView task) {
        if (task.delegationState() == null) {
            return Optional.empty();
        }
        Map<String, Object> local = new HashMap<>(tasks.getVariablesLocal(task.id()));
        String by = (String) local.remove(Delegation.DELEGATED_BY);
        String note = (String) local.remove(Delegation.NOTE);
        String returnedBy = DelegationState.RESOLVED.name().equals(task.delegationState())
                ? (String) local.remove(Delegation.RETURNED_BY) : null;
        local.keySet().removeAll(Delegation.OWN_VARIABLES);
        return Optional.of(new Delegation(by == null ? task.owner() : by, note, returnedBy,
                returnedBy == null ? Map.of() : local));
    }

    public void plan(CurrentUser user, String taskId, LocalDate due, LocalDate followUp, Integer priority) {
        Task task = visible(user, taskId);
        task.setDueDate(endOfDay(due));
        task.setFollowUpDate(followUp == null ? null : Date.from(followUp.atStartOfDay(AppClock.KYIV).toInstant()));
        if (priority != null) {
            task.setPriority(Math.max(0, Math.min(100, priority)));
        }
        tasks.saveTask(task);
    }

    /** Completes the task, if this person may see it, as {@link #complete(CurrentUser, TaskView, FormSubmission)}. */
    public void complete(CurrentUser user, String taskId, FormSubmission submission) {
        complete(user, taskList.visibleView(user, taskId).orElseThrow(() -> new TaskProblem("task.gone")), submission);
    }

    /**
     * Completes the task with the form's values (or, for a delegated task, hands it back to its
     * owner). Claims an unclaimed task first. A concurrent change of the same case is retried;
     * a task someone else completed or holds is refused with a message. The task is one this person may see, as
     * {@link TaskListService#visibleView} read it in the same request: its case and who may see it are taken from
     * there, who holds it is read again with each attempt.
     */
    public void complete(CurrentUser user, TaskView view, FormSubmission submission) {
        String taskId = view.id();
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> completeOnce(user, view, submission));
                return;
            } catch (OptimisticLockingException | ProcessEnginePersistenceException e) {
                if (e instanceof ProcessEnginePersistenceException && !concurrentChange(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new TaskProblem("task.busy");
                }
                pauseBeforeRetry(attempt);
            } catch (TaskProblem problem) {
                throw problem;
            } catch (RuntimeException e) {
                // the engine can fail in its own way when another step ended the case while this one ran
                if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                    throw new TaskProblem("task.gone");
                }
                throw e;
            }
        }
    }

    private void completeOnce(CurrentUser user, TaskView view, FormSubmission submission) {
        Task task = taskList.task(view.id()).orElseThrow(() -> new TaskProblem("task.gone"));
        // an unclaimed task is claimed as it is completed, so that the case's history names who did the step
        String claimFor = task.getAssignee() == null ? user.id() : null;
        if (claimFor == null) {
            requireHeldBy(user, task);
        }
        String businessKey = view.businessKey();
        Map<String, Object> variables = new HashMap<>();
        submission.values().forEach((key, value) -> variables.put(key, engineValue(value)));
        if (quota.problem(businessKey, submission.uploads().values()) != null) {
            throw new TaskProblem(DocumentQuota.PROBLEM, quota.quotaMb());
        }
        submission.uploads().forEach((key, upload) -> {
            long id = cases.addDocument(businessKey, upload.fileName(), upload.contentType(), upload.content(),
                    user.name());
            variables.put(key, id);
        });
        try {
            if (task.getDelegationState() == DelegationState.PENDING) {
                // the delegate's answer stays the task's own until its owner completes it: the owner sees it filled
                // in and decides; the case moves on with what the owner sends
                variables.put(Delegation.RETURNED_BY, user.id());
                tasks.setVariablesLocal(task.getId(), variables);
                tasks.resolveTask(task.getId());
                event(businessKey, user.name(), "resolved", stepName(task) + answerOf(task, submission));
            } else {
                if (task.getDelegationState() == DelegationState.RESOLVED) {
                    Map<String, Object> answer = new HashMap<>(tasks.getVariablesLocal(task.getId()));
                    tasks.removeVariablesLocal(task.getId(), answer.keySet());
                    answer.keySet().removeAll(Delegation.OWN_VARIABLES);
                    // what the owner did not send again (a file the delegate attached) is kept from the answer
                    answer.putAll(variables);
                    variables.clear();
                    variables.putAll(answer);
                }
                try {
                    completion.complete(task.getId(), claimFor, variables);
                } catch (TaskAlreadyClaimedException e) {
                    throw new TaskProblem("task.heldByOther", directory.displayName(e.getTaskAssignee()));
                }
                event(businessKey, user.name(), "completed", stepName(task));
            }
        } catch (OptimisticLockingException | ProcessEnginePersistenceException e) {
            throw e;
        } catch (ProcessEngineException e) {
            if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
                throw new TaskProblem("task.gone");
            }
            throw e;
        }
    }

    /** The answer a delegate sends back, for the case history: each field they filled in, in their words. */
    private String answerOf(Task task, FormSubmission submission) {
        FormDefinition form = forms.forTask(task);
        String answer = form == null ? "" : labels.summary(form, submission);
        return answer.isEmpty() ? "" : ": " + (answer.length() > 2000 ? answer.substring(0, 2000) + "…" : answer);
    }

    /** A short random pause, longer with each attempt, so that concurrent completions fall apart. */
    /**
     * Whether the database refused the step because another step of the same case changed it meanwhile: PostgreSQL
     * reports some such races as a broken foreign key (the case's execution removed under a new child), a
     * serialization failure or a deadlock rather than as the engine's optimistic locking.
     */
    static boolean concurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && Set.of("23503", "40001", "40P01").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskProblem("task.busy");
        }
    }

    /** The step's name for the case history, written out in the language of whoever reads it. */
    private static String stepName(Task task) {
        return task.getTaskDefinitionKey() == null ? String.valueOf(task.getName())
                : Detail.text("bpmn." + task.getTaskDefinitionKey(), task.getName());
    }

    private Task visible(CurrentUser user, String taskId) {
        return taskList.visibleTask(user, taskId).orElseThrow(() -> new TaskProblem("task.gone"));
    }

    private void requireHeldBy(CurrentUser user, Task task) {
        if (!user.id().equals(task.getAssignee())) {
            throw new TaskProblem("task.heldByOther",
                    task.getAssignee() == null ? "—" : directory.displayName(task.getAssignee()));
        }
    }

    /**
     * The case of a task; a task whose case ended meanwhile (a vote closed by other ballots) is gone. A native query:
     * its statement is fixed, where the engine's process instance query builds its own on every call.
     */
    private String businessKey(Task task) {
        ProcessInstance instance = runtime.createNativeProcessInstanceQuery()
                .sql("select * from act_ru_execution where id_ = #{id} and parent_id_ is null")
                .parameter("id", task.getProcessInstanceId()).singleResult();
        if (instance == null) {
            throw new TaskProblem("task.gone");
        }
        return instance.getBusinessKey();
    }

    private void event(String key, String actor, String action, String detail) {
        cases.addEventIfRecorded(key, actor, action, detail);
    }

    private static Object engineValue(Object value) {
        if (value instanceof LocalDate date) {
            return Date.from(date.atStartOfDay(AppClock.KYIV).toInstant());
        }
        return value;
    }

    /**
     * Completes a case's open step (of this definition, or any when null) as this person, claiming it first when it
     * waits for its group; false when no single such step waits for them. The demo data moves its cases on so,
     * past the steps nobody works in the browser, without a form to validate.
     */
    public boolean completeStep(String businessKey, String taskKey, String userId, Map<String, Object> variables) {
        TaskQuery query = tasks.createTaskQuery().processInstanceBusinessKey(businessKey);
        if (taskKey != null) {
            query.taskDefinitionKey(taskKey);
        }
        List<Task> open = query.listPage(0, 1000).stream()
                .filter(t -> t.getAssignee() == null || t.getAssignee().equals(userId)).toList();
        if (open.size() != 1) {
            return false;
        }
        Task task = open.get(0);
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), userId);
        }
        tasks.complete(task.getId(), variables);
        return true;
    }

    private static Date endOfDay(LocalDate day) {
        return day == null ? null : Date.from(day.atTime(23, 59).atZone(ZoneId.of("Europe/Kyiv")).toInstant());
    }
}
