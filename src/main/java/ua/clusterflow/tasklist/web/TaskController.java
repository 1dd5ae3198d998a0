package ua.clusterflow.tasklist.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.WhenShown;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.Delegation;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.TaskProblem;
import ua.clusterflow.tasklist.TaskView;
import ua.clusterflow.tasklist.VoteQuestions;
import ua.clusterflow.tasklist.engine.CaseService;
import ua.clusterflow.tasklist.engine.FormDefinitions;
import ua.clusterflow.tasklist.engine.TaskListService;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/** One task: its form, rendered from {@code forms/}, and its completion. */
@Controller
public class TaskController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskController.class);

    private final TaskListService taskList;
    private final TaskWorkService work;
    private final FormDefinitions forms;
    private final FormValidator validator;
    private final ClusterDirectory directory;
    private final CaseService cases;

    private final VoteQuestions questions;

    public TaskController(TaskListService taskList, TaskWorkService work, FormDefinitions forms,
                          FormValidator validator, ClusterDirectory directory, CaseService cases,
                          VoteQuestions questions) {
        this.questions = questions;
        this.taskList = taskList;
        this.work = work;
        this.forms = forms;
        this.validator = validator;
        this.directory = directory;
        this.cases = cases;
    }

    @GetMapping("/tasks/{taskId}")
    public String initTaskForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId, Model model,
                               RedirectAttributes redirect) {
        Optional<TaskView> task = taskList.visibleView(user, taskId);
        if (task.isEmpty()) {
            redirect.addFlashAttribute("error", "task.gone");
            return "redirect:/tasks";
        }
        return show(user, task.get(), FormSubmission.empty(), model);
    }

    @PostMapping("/tasks/{taskId}")
    public String processTaskForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                                  HttpServletRequest request, HttpServletResponse response, Model model,
                                  RedirectAttributes redirect) {
        Optional<TaskView> found = taskList.visibleView(user, taskId);
        if (found.isEmpty()) {
            redirect.addFlashAttribute("error", "task.gone");
            return "redirect:/tasks";
        }
        TaskView view = found.get();
        FormDefinition form = forms.forTask(view);
        FormSubmission submission = FormRequests.validate(validator, form, request, view.businessKey());
        if (submission.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(user, view, submission, model);
        }
        try {
            work.complete(user, view, submission);
        } catch (TaskProblem problem) {
            if ("task.gone".equals(problem.messageKey())) {
                redirect.addFlashAttribute("error", "task.completedByOther");
                return "redirect:/cases/" + view.businessKey();
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", problem.messageKey());
            model.addAttribute("errorArgs", problem.args());
            return show(user, view, submission, model);
        } catch (RuntimeException e) {
            log.error("Task {} could not be completed", taskId, e);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("error", "error.saveFailed");
            return show(user, view, submission, model);
        }
        redirect.addFlashAttribute("message", "task.completed");
        redirect.addFlashAttribute("messageArgs", new Object[] {view.name()});
        return "redirect:/tasks";
    }

    private String show(CurrentUser user, TaskView view, FormSubmission submission, Model model) {
        FormDefinition form = forms.forTask(view);
        Delegation delegation = work.delegation(view).orElse(null);
        if (delegation != null && delegation.returned() && submission.raw().isEmpty() && form != null) {
            // the delegate's answer, to check and complete
            submission = FormSubmission.of(FormRequests.typed(form, delegation.answer()));
        }
        model.addAttribute("task", view);
        model.addAttribute("form", form);
        model.addAttribute("submission", submission);
        model.addAttribute("delegation", delegation);
        model.addAttribute("delegatedByName", delegation == null ? null : directory.displayName(delegation.delegatedBy()));
        model.addAttribute("returnedByName", delegation == null || !delegation.returned() ? null
                : directory.displayName(delegation.returnedBy()));
        model.addAttribute("canWork", view.assignee() == null || view.heldBy(user.id()));
        // the colleagues to delegate to, read only where the page offers it (a task the person holds)
        model.addAttribute("people", WhenShown.of(() -> directory.staffOf(view.clusterId()).stream()
                .filter(p -> !p.id().equals(user.id())).toList()));
        CaseService.TaskCase taskCase = cases.caseOfTask(user, view);
        model.addAttribute("caseVisible", taskCase.visible());
        // a step of a process its case called (the board's vote): the question it answers, in words
        model.addAttribute("voteQuestion", view.caseProcessKey() != null && !view.caseProcessKey().equals(view.processKey())
                ? questions.of(view.businessKey()).orElse(null) : null);
        model.addAttribute("details", taskCase.details());
        model.addAttribute("documents", taskCase.documents());
        return "tasks/task";
    }
}
