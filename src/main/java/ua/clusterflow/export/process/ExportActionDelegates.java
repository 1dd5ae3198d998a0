package ua.clusterflow.export.process;

import static ua.clusterflow.export.process.ExportActionProcess.ACTION_ID;
import static ua.clusterflow.export.process.ExportActionProcess.APPLICANT_CHOICES;
import static ua.clusterflow.export.process.ExportActionProcess.APPROVAL_COMMENT;
import static ua.clusterflow.export.process.ExportActionProcess.APPROVER;
import static ua.clusterflow.export.process.ExportActionProcess.ENOUGH_APPLICANTS;
import static ua.clusterflow.export.process.ExportActionProcess.JOIN_DEADLINE_AT;
import static ua.clusterflow.export.process.ExportActionProcess.NEW_DEADLINE;
import static ua.clusterflow.export.process.ExportActionProcess.SELECTED;
import static ua.clusterflow.export.process.ExportActionProcess.SELECTION_NOTE;
import static ua.clusterflow.export.process.ExportActionProcess.TOO_FEW_COMMENT;
import static ua.clusterflow.export.process.ExportActionProcess.WAITING;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.export.ExportActionService;

/** The service steps of {@code export-action.bpmn}, each mapping the case's variables to one service call. */
@Configuration(proxyBeanMethods = false)
public class ExportActionDelegates {

    private final ExportActionService actions;

    ExportActionDelegates(ExportActionService actions) {
        this.actions = actions;
    }

    @Bean
    JavaDelegate decideExportApproverDelegate() {
        return execution -> APPROVER.set(execution, actions.approver(actionId(execution)));
    }

    @Bean
    JavaDelegate exportNotApprovedDelegate() {
        return execution -> actions.notApproved(actionId(execution), APPROVAL_COMMENT.filledIn(execution));
    }

    @Bean
    JavaDelegate openExportCallDelegate() {
        return execution -> actions.openCall(actionId(execution));
    }

    @Bean
    JavaDelegate countExportApplicantsDelegate() {
        return execution -> {
            ExportActionService.Count count = actions.countApplicants(actionId(execution));
            ENOUGH_APPLICANTS.set(execution, count.enough());
            APPLICANT_CHOICES.set(execution, count.choices());
        };
    }

    @Bean
    JavaDelegate tellExportSelectionDelegate() {
        return execution -> actions.select(actionId(execution), ids(SELECTED.filledIn(execution)),
                ids(WAITING.filledIn(execution)), SELECTION_NOTE.filledIn(execution));
    }

    @Bean
    JavaDelegate extendExportCallDelegate() {
        return execution -> {
            actions.extend(actionId(execution), NEW_DEADLINE.from(execution));
            JOIN_DEADLINE_AT.set(execution, ExportActionService.closesAt(NEW_DEADLINE.from(execution)));
        };
    }

    @Bean
    JavaDelegate exportCancelledDelegate() {
        return execution -> actions.cancel(actionId(execution), TOO_FEW_COMMENT.filledIn(execution));
    }

    private static long actionId(DelegateExecution execution) {
        return ACTION_ID.from(execution);
    }

    /** A checklist's values, as the form stores them: ids joined by commas. */
    private static List<Long> ids(String values) {
        return values == null ? List.of() : Arrays.stream(values.split(",")).map(String::strip)
                .filter(v -> v.matches("\\d+")).map(Long::valueOf).toList();
    }
}
