package ua.clusterflow.tasklist.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.tasklist.CaseDetails;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.DocumentQuota;
import ua.clusterflow.tasklist.FileTypes;
import ua.clusterflow.tasklist.TaskView;

/** Cases of every process: who may see one, and its history, comments and documents. */
@Service("caseRecords")
public class CaseService {

    public static final int MAX_DOCUMENT_MB = 20;
    public static final long MAX_DOCUMENT_BYTES = MAX_DOCUMENT_MB * 1024L * 1024L;
    public static final List<String> DOCUMENT_TYPES = List.of("pdf", "docx", "xlsx");

    private final CaseRepository cases;
    private final MemberOrganisationRepository organisations;
    private final List<CaseDetails> details;
    private final TaskService tasks;
    private final DocumentQuota quota;

    /** Who may see a case: the cluster's staff, the member it is about, and whoever works one of its tasks. */
    public CaseService(CaseRepository cases, MemberOrganisationRepository organisations, List<CaseDetails> details,
                       TaskService tasks, DocumentQuota quota) {
        this.tasks = tasks;
        this.quota = quota;
        this.cases = cases;
        this.organisations = organisations;
        this.details = details;
    }

    /** What the case's own feature tells about it, labelled, for the case and task pages. */
    public Map<String, String> details(CaseRecord record) {
        return details(record.processKey(), record.businessKey());
    }

    private Map<String, String> details(String processKey, String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        details.stream().filter(d -> d.supports(processKey)).forEach(d -> facts.putAll(d.details(businessKey)));
        return facts;
    }

    /**
     * What a task's page tells of the task's case, {@code visible} if the person may open the case's page. A task
     * they hold, delegated, or that waits unclaimed for them lets them see its case, as {@link #canView} has it,
     * without reading the case again; only a task a colleague holds now asks {@link #visibleCase}.
     */
    /** The case of a task as its page shows it: whether it may be opened, its details and its documents. */
    public record TaskCase(boolean visible, Map<String, String> details, List<CaseRepository.CaseDocument> documents) {
    }

    public TaskCase caseOfTask(CurrentUser user, TaskView task) {
        if (task.caseProcessKey() == null) {
            return new TaskCase(false, Map.of(), List.of());
        }
        boolean works = task.assignee() == null || task.heldBy(user.id()) || user.id().equals(task.owner());
        boolean visible = works || visibleCase(user, task.businessKey()).isPresent();
        return visible ? new TaskCase(true, details(task.caseProcessKey(), task.businessKey()),
                cases.documents(task.businessKey())) : new TaskCase(false, Map.of(), List.of());
    }

    /**
     * The case if this person may see it: the cluster's staff, its administrator, whoever works one of its tasks, or
     * the member it is about while that member is one of the cluster's. An applicant for membership follows the
     * application on its tracking page, never here: the case page tells the staff's side (comments, votes, fee).
     */
    public Optional<CaseRecord> visibleCase(CurrentUser user, String businessKey) {
        return cases.find(businessKey).filter(c -> canView(user, c));
    }

    public boolean canView(CurrentUser user, CaseRecord record) {
        if (user.administrator() || user.worksCasesOf(record.clusterId())) {
            return true;
        }
        if (!user.belongsTo(record.clusterId())) {
            return false;
        }
        boolean staffOnly = staffOnly(record);
        // a case of an organisation is its contact's while they speak for it, not its creator's for ever
        if (user.id().equals(record.createdBy()) && !staffOnly && record.organisationId() == null) {
            return true;
        }
        if (tasks.createTaskQuery().processInstanceBusinessKey(record.businessKey())
                .tenantIdIn(record.clusterId())
                .or().taskAssignee(user.id()).taskOwner(user.id()).taskCandidateUser(user.id()).endOr().count() > 0) {
            return true;
        }
        return record.organisationId() != null && !staffOnly
                && organisations.idsForContact(user.id()).contains(record.organisationId());
    }

    private boolean staffOnly(CaseRecord record) {
        return details.stream().anyMatch(d -> d.supports(record.processKey()) && d.staffOnly());
    }

    /** The cases a person sees on "my cases": a member's own organisation's, or the staff's clusters'. */
    public List<CaseRecord> casesFor(CurrentUser user) {
        List<CaseRecord> result = new ArrayList<>(cases.ofOrganisations(organisations.idsForContact(user.id())).stream()
                .filter(c -> !staffOnly(c) || user.worksCasesOf(c.clusterId())).toList());
        List<String> staffClusters = user.clusterIds().stream().filter(user::worksCasesOf).toList();
        for (CaseRecord record : cases.ofClusters(staffClusters, 200)) {
            if (result.stream().noneMatch(r -> r.businessKey().equals(record.businessKey()))) {
                result.add(record);
            }
        }
        return result;
    }

    /**
     * Adds a document to a case: PDF, DOCX or XLSX by content, at most 20 MB, within its organisation's quota.
     * Returns the message key of what is wrong with the file, or null when it was stored.
     */
    @Transactional
    public String addDocument(CurrentUser user, CaseRecord record, String fileName, byte[] content) {
        if (content.length == 0) {
            return "error.required";
        }
        String problem = FileTypes.problem(fileName, content, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES);
        if (problem != null) {
            return problem;
        }
        String overQuota = quota.problem(record.businessKey(), content.length);
        if (overQuota != null) {
            return overQuota;
        }
        String name = FileTypes.safeName(fileName);
        String type = FileTypes.detect(content);
        cases.addDocument(record.businessKey(), name, FileTypes.contentType(type), content, user.name());
        cases.addEvent(record.businessKey(), user.name(), "document", name);
        return null;
    }

    @Transactional
    public void comment(CurrentUser user, CaseRecord record, String body) {
        cases.addComment(record.businessKey(), user.id(), user.name(), body);
        cases.addEvent(record.businessKey(), user.name(), "comment", null);
    }
}
