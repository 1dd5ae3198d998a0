package ua.clusterflow.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Formats;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.tasklist.CaseDetails;

/** An export action on its case page, its tasks and the board's ballot: what, where, when, at what cost, how many. */
@Component
public class ExportActionCaseDetails implements CaseDetails {

    private final ExportActionRepository actions;
    private final Formats formats;
    private final MessageSource messages;

    public ExportActionCaseDetails(ExportActionRepository actions, Formats formats, MessageSource messages) {
        this.actions = actions;
        this.formats = formats;
        this.messages = messages;
    }

    @Override
    public boolean supports(String processKey) {
        return ExportActionCases.PROCESS_KEY.equals(processKey);
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        actions.byReference(businessKey).ifPresent(a -> {
            facts.put("export.kind", text("export.kind." + a.kind()));
            facts.put("export.markets", markets(a));
            facts.put("export.when", formats.date(a.startsOn()) + " – " + formats.date(a.endsOn()));
            facts.put("export.place", a.place());
            facts.put("export.clusterCost", formats.money(a.clusterCost(), "UAH"));
            facts.put("export.participantFee", formats.money(a.participantFee(), "UAH"));
            facts.put("export.places", a.minParticipants() + "–" + a.places());
            facts.put("export.joinDeadline", formats.date(a.joinDeadline()));
            facts.put("export.selectionRule", a.selectionRule());
            long applied = actions.applications(a.id()).size();
            facts.put("export.applicants", String.valueOf(applied));
        });
        return facts;
    }

    @Override
    public Optional<String> voteQuestion(String businessKey) {
        return actions.byReference(businessKey).map(a -> messages.getMessage("vote.question.export",
                new Object[] {a.title(), markets(a), formats.money(a.clusterCost(), "UAH")},
                LocaleContextHolder.getLocale()));
    }

    private String markets(ExportAction a) {
        return String.join(", ", a.markets().stream()
                .map(code -> Countries.name(code, LocaleContextHolder.getLocale())).toList());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
