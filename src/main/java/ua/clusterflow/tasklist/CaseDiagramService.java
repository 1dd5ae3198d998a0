package ua.clusterflow.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/** The model of a case with the steps it has passed and the ones it waits in, for the case page. */
@Service
public class CaseDiagramService {

    public record Diagram(String xml, List<String> active, List<String> completed,
                          @com.fasterxml.jackson.annotation.JsonIgnore Map<String, String> names) {

        public String nameOf(String activityId) {
            return names.get(activityId);
        }
    }

    private final HistoryService history;
    private final RepositoryService repository;

    public CaseDiagramService(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
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
        return Optional.of(new Diagram(xml, List.copyOf(active.keySet()), completed, active));
    }
}
