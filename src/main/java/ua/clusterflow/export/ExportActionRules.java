package ua.clusterflow.export;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.FormRule;

/** The selection checked against the action: no more participants than places, nobody both chosen and waiting. */
@Configuration(proxyBeanMethods = false)
public class ExportActionRules {

    @Bean
    FormRule exportSelectionRule(ExportActionRepository actions) {
        return FormRule.ofCase("export-action-selection", (submission, businessKey) ->
                actions.byReference(businessKey).ifPresent(action -> {
                    List<String> selected = values(submission.text("selected"));
                    List<String> waiting = values(submission.text("waiting"));
                    if (selected.size() > action.places()) {
                        submission.reject("selected", "export.error.overPlaces", action.places());
                    }
                    if (waiting.stream().anyMatch(selected::contains)) {
                        submission.reject("waiting", "export.error.bothLists");
                    }
                }));
    }

    @Bean
    FormRule exportTooFewRule() {
        return FormRule.ofCase("export-action-too-few", (submission, businessKey) -> {
            if (submission.values().get("newDeadline") instanceof LocalDate day
                    && !day.isAfter(AppClock.today())) {
                submission.reject("newDeadline", "export.error.deadlinePassed");
            }
        });
    }

    private static List<String> values(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split(",")).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }
}
