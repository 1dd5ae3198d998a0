package ua.clusterflow.tasklist.engine;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.Delegation;
import ua.clusterflow.tasklist.ProcessVariables;
import ua.clusterflow.tasklist.StepNames;

/**
 * Mail at every hand-over: whoever a task is assigned to, or the people of the groups it is
 * offered to, get a mail with a link to it. Nobody is mailed about a task they took themselves.
 */
@Component
public class TaskNotifications {

    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final IdentityService identity;
    private final StepNames stepNames;

    public TaskNotifications(ClusterDirectory directory, MailOutbox outbox, IdentityService identity,
                             StepNames stepNames) {
        this.stepNames = stepNames;
        this.directory = directory;
        this.outbox = outbox;
        this.identity = identity;
    }

    @EventListener(condition = "#task.eventName == 'create' || #task.eventName == 'assignment'")
    public void onTask(DelegateTask task) {
        Set<String> recipients = new HashSet<>();
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null) {
                recipients.add(task.getAssignee());
            }
        } else if (task.getAssignee() == null) {
            for (IdentityLink link : task.getCandidates()) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    recipients.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    directory.peopleInGroup(link.getGroupId()).forEach(p -> recipients.add(p.id()));
                }
            }
        }
        Authentication current = identity.getCurrentAuthentication();
        if (current != null) {
            recipients.remove(current.getUserId());
        }
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        Object title = ProcessVariables.CASE_TITLE.from(task);
        for (String userId : recipients) {
            directory.person(userId).ifPresent(person -> mail(person, task, businessKey, title));
        }
    }

    /**
     * A plain assignment, a delegation (with who delegated it and their note) or a delegated task coming back to its
     * owner (with who answered): the task's own variables, set before the hand-over, tell which.
     */
    private void mail(Person person, DelegateTask task, String businessKey, Object title) {
        String taskName = stepNames.name(task.getTaskDefinitionKey(), task.getName(),
                Locale.forLanguageTag(person.language()));
        String template = "task-assigned";
        String from = "";
        String note = "";
        Object returnedBy = task.getVariableLocal(Delegation.RETURNED_BY);
        Object delegatedBy = task.getVariableLocal(Delegation.DELEGATED_BY);
        if (returnedBy != null && person.id().equals(task.getOwner())) {
            template = "task-returned";
            from = directory.displayName(returnedBy.toString());
        } else if (delegatedBy != null && task.getOwner() != null && !person.id().equals(task.getOwner())) {
            template = "task-delegated";
            from = directory.displayName(delegatedBy.toString());
            Object text = task.getVariableLocal(Delegation.NOTE);
            note = text == null ? "" : text.toString();
        }
        outbox.queue(person, template, Map.of(
                "taskName", taskName,
                "caseTitle", title == null ? "" : title.toString(),
                "businessKey", businessKey == null ? "" : businessKey,
                "from", from,
                "quote", note,
                "link", outbox.link("/tasks/" + task.getId()),
                "subjectArg", taskName), businessKey);
    }
}
