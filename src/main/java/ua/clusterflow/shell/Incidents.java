package ua.clusterflow.shell;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.StepNames;

/**
 * Steps that failed after every retry of their cycle: the engine keeps them as incidents, the case waits at the
 * step, and an administrator retries it once the cause is fixed.
 */
@Service
public class Incidents {

    public record StuckStep(String id, String businessKey, String caseTitle, String clusterId, String step,
                            String message, Date since, String jobId) {
    }

    private static final int SHOWN = 200;
    private static final int MAX_CAUSE = 400;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final CaseRepository cases;
    private final StepNames stepNames;

    public Incidents(RuntimeService runtime, ManagementService management, RepositoryService repository,
                     CaseRepository cases, StepNames stepNames) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.cases = cases;
        this.stepNames = stepNames;
    }

    public long count() {
        return runtime.createIncidentQuery().count();
    }

    /** The open incidents, newest first, with the case each holds up. */
    public List<StuckStep> open(Locale locale) {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, SHOWN);
        Set<String> instanceIds = incidents.stream().map(Incident::getProcessInstanceId)
                .filter(id -> id != null).collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds)
                    .unlimitedList()) {
                businessKeys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        Map<String, String> titles = cases.titles(businessKeys.values().stream().filter(k -> k != null).toList());
        return incidents.stream().map(incident -> {
            String businessKey = businessKeys.get(incident.getProcessInstanceId());
            return new StuckStep(incident.getId(), businessKey, titles.getOrDefault(businessKey, ""),
                    incident.getTenantId(), stepName(incident, locale), cause(incident),
                    incident.getIncidentTimestamp(), jobId(incident));
        }).toList();
    }

    /**
     * Gives the failed step one more attempt, due now; the job executor runs it. Returns the step's case, or empty
     * when the incident is no longer open (retried meanwhile, or its case ended).
     */
    @Transactional
    public Optional<String> retry(String incidentId, String administrator) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null || jobId(incident) == null) {
            return Optional.empty();
        }
        management.setJobRetries(incident.getConfiguration(), 1);
        management.setJobDuedate(incident.getConfiguration(), AppClock.nowDate());
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(incident.getProcessInstanceId()).singleResult();
        String businessKey = instance == null ? null : instance.getBusinessKey();
        cases.addEventIfRecorded(businessKey, administrator, "step-retried", stepName(incident, Locale.forLanguageTag("uk")));
        return Optional.ofNullable(businessKey);
    }

    /** The innermost cause the job failed with, rather than the engine's wrapper around it. */
    private String cause(Incident incident) {
        String message = incident.getIncidentMessage();
        String jobId = jobId(incident);
        if (jobId == null) {
            return message;
        }
        String trace = management.getJobExceptionStacktrace(jobId);
        if (trace == null) {
            return message;
        }
        int last = trace.lastIndexOf("Caused by: ");
        if (last < 0) {
            return message;
        }
        int end = trace.indexOf('\n', last);
        String cause = trace.substring(last + "Caused by: ".length(), end < 0 ? trace.length() : end).strip();
        return cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE) + "…" : cause;
    }

    private static String jobId(Incident incident) {
        return Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) ? incident.getConfiguration() : null;
    }

    private String stepName(Incident incident, Locale locale) {
        String activityId = incident.getActivityId();
        String modelName = null;
        if (activityId != null && incident.getProcessDefinitionId() != null) {
            FlowElement element = repository.getBpmnModelInstance(incident.getProcessDefinitionId())
                    .getModelElementById(activityId);
            modelName = element == null ? null : element.getName();
        }
        return stepNames.name(activityId, modelName, locale);
    }
}
