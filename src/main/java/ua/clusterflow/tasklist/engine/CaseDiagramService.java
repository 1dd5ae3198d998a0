package ua.clusterflow.tasklist.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.StepNames;

/** The model of a case with the steps it has passed and the ones it waits in, for the case page. */
@Service
public class CaseDiagramService {

    public record Diagram(String xml, List<String> active, List<String> completed,
                          @com.fasterxml.jackson.annotation.JsonIgnore Map<String, String> names) {

        public String nameOf(String activityId) {
            return names.get(activityId);
        }
    }

    private static final Pattern NAMED = Pattern.compile(
            "(<bpmn:(\\w+) id=\"([^\"]+)\"[^>]*?\\bname=\")([^\"]*)(\")");

    private final HistoryService history;
    private final RepositoryService repository;
    private final StepNames stepNames;

    public CaseDiagramService(HistoryService history, RepositoryService repository, StepNames stepNames) {
        this.history = history;
        this.repository = repository;
        this.stepNames = stepNames;
    }

    /**
     * The model with every name a person sees in the reader's language: steps and events by {@code bpmn.<id>}, flow
     * labels by {@code bpmn.flow.<label>}; a name without a translation stays as the model has it.
     */
    String inLanguage(String xml, Locale locale) {
        Matcher matcher = NAMED.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = HtmlUtils.htmlUnescape(matcher.group(4));
            String shown = name.isBlank() ? name : "sequenceFlow".equals(matcher.group(2))
                    ? stepNames.flow(name, locale) : stepNames.name(matcher.group(3), name, locale);
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    matcher.group(1) + HtmlUtils.htmlEscape(shown) + matcher.group(5)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public Optional<Diagram> diagram(CaseRecord record) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(record.businessKey())
                .processDefinitionKey(record.processKey())
                .tenantIdIn(record.clusterId())
                .orderByProcessInstanceStartTime().desc()
                .listPage(0, 1).stream().findFirst().orElse(null);
        if (instance == null) {
            return Optional.empty();
        }
        String xml;
        try (InputStream in = repository.getProcessModel(instance.getProcessDefinitionId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().unlimitedList();
        Map<String, String> active = new LinkedHashMap<>();
        steps.stream().filter(s -> s.getEndTime() == null && !s.getActivityType().contains("multiInstanceBody"))
                .forEach(s -> active.put(s.getActivityId(), s.getActivityName()));
        List<String> completed = steps.stream().filter(s -> s.getEndTime() != null)
                .map(HistoricActivityInstance::getActivityId).distinct().toList();
        return Optional.of(new Diagram(inLanguage(xml, LocaleContextHolder.getLocale()),
                List.copyOf(active.keySet()), completed, active));
    }
}
