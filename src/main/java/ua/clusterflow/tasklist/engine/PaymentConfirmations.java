package ua.clusterflow.tasklist.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.PaymentStep;
import ua.clusterflow.tasklist.TaskProblem;
import ua.clusterflow.tasklist.TaskView;

/**
 * A payment confirmed from the bank's statement: the case's open payment step (the joining fee's, the year's dues')
 * completed by the coordinator who books the statement, with the values its form takes, checked by the form and its
 * rules as the task's page checks them, through the same completion.
 */
@Service
public class PaymentConfirmations {

    /** What became of a confirmation: done, or the problem as a message key and its arguments. */
    public record Outcome(boolean done, String problem, Object[] args) {

        static Outcome refused(String problem, Object... args) {
            return new Outcome(false, problem, args);
        }
    }

    private final TaskListService taskList;
    private final FormDefinitions forms;
    private final FormValidator validator;
    private final TaskWorkService work;
    private final Map<String, PaymentStep> steps;

    public PaymentConfirmations(TaskListService taskList, FormDefinitions forms, FormValidator validator,
                                TaskWorkService work, List<PaymentStep> steps) {
        this.taskList = taskList;
        this.forms = forms;
        this.validator = validator;
        this.work = work;
        this.steps = steps.stream().collect(Collectors.toMap(PaymentStep::formId, Function.identity()));
    }

    /** Whether the case waits for its payment at a step this person may complete. */
    public boolean waits(CurrentUser user, String businessKey) {
        return taskList.visibleViewsOfCase(user, businessKey).stream().anyMatch(view -> step(view) != null);
    }

    /** Completes the case's payment step as paid on the day, with the reference and the note. */
    public Outcome confirm(CurrentUser user, String businessKey, LocalDate paidOn, String reference, String note) {
        for (TaskView view : taskList.visibleViewsOfCase(user, businessKey)) {
            PaymentStep step = step(view);
            if (step == null) {
                continue;
            }
            FormDefinition form = forms.forTask(view);
            FormSubmission submission = validator.validate(form, step.confirmation(paidOn, reference, note), null,
                    businessKey);
            if (submission.hasErrors()) {
                FieldErrors.Problem problem = submission.errors().values().iterator().next();
                return Outcome.refused(problem.code(), problem.args());
            }
            try {
                work.complete(user, view, submission);
            } catch (TaskProblem problem) {
                return Outcome.refused(problem.messageKey(), problem.args());
            }
            return new Outcome(true, null, new Object[0]);
        }
        return Outcome.refused("books.line.noStep");
    }

    private PaymentStep step(TaskView view) {
        FormDefinition form = forms.forTask(view);
        return form == null ? null : steps.get(form.id());
    }
}
