package ua.clusterflow.tasklist.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.TaskFilter;
import ua.clusterflow.tasklist.TaskProblem;
import ua.clusterflow.tasklist.engine.TaskListService;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/** The coordinator's main screen: the task list, and the quick actions on a task. */
@Controller
public class TaskListController {

    private final TaskListService taskList;
    private final TaskWorkService work;
    private final ClusterDirectory directory;

    public TaskListController(TaskListService taskList, TaskWorkService work, ClusterDirectory directory) {
        this.taskList = taskList;
        this.work = work;
        this.directory = directory;
    }

    @GetMapping("/tasks")
    public String list(@AuthenticationPrincipal CurrentUser user,
                       @RequestParam(required = false) String view,
                       @RequestParam(required = false) String process,
                       @RequestParam(required = false) String cluster,
                       @RequestParam(required = false) String due,
                       @RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "0") int page,
                       Model model) {
        TaskFilter filter = new TaskFilter(view, process, cluster, due, q, page);
        model.addAttribute("filter", filter);
        // the counts read once for the navigation and the search
        TaskListService.Listing listing = taskList.listing(user, filter);
        model.addAttribute("taskCounts", listing.counts());
        model.addAttribute("page", listing.page());
        model.addAttribute("processes", taskList.processKeys());
        // the cluster filter is shown to people of several clusters only
        model.addAttribute("clusters", user.clusterIds().size() > 1 ? directory.clusters(user.clusterIds()) : List.of());
        return "tasks/list";
    }

    @PostMapping("/tasks/{taskId}/claim")
    public String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                        RedirectAttributes redirect) {
        return act(() -> work.claim(user, taskId), "task.claimed", taskId, redirect);
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    public String unclaim(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                          RedirectAttributes redirect) {
        act(() -> work.unclaim(user, taskId), "task.unclaimed", taskId, redirect);
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{taskId}/delegate")
    public String delegate(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                           @RequestParam(defaultValue = "") String delegate,
                           @RequestParam(required = false) String note, RedirectAttributes redirect) {
        if (note != null && note.length() > 2000) {
            redirect.addFlashAttribute("error", "error.maxLength");
            return "redirect:/tasks/" + taskId;
        }
        act(() -> work.delegate(user, taskId, delegate, note), "task.delegated", taskId, redirect);
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{taskId}/plan")
    public String plan(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUp,
                       @RequestParam(required = false) Integer priority, RedirectAttributes redirect) {
        return act(() -> work.plan(user, taskId, due, followUp, priority), "task.planned", taskId, redirect);
    }

    private String act(Runnable action, String success, String taskId, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", success);
        } catch (TaskProblem problem) {
            redirect.addFlashAttribute("error", problem.messageKey());
            redirect.addFlashAttribute("errorArgs", problem.args());
            if ("task.gone".equals(problem.messageKey())) {
                return "redirect:/tasks";
            }
        }
        return "redirect:/tasks/" + taskId;
    }
}
