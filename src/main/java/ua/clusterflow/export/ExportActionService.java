package ua.clusterflow.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.OrganisationPerson;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * Joint export actions (the seeds' export marketing service): announced by a coordinator or the holder of the export
 * marketing lead's role, approved by the board above a cost ({@code export-action-approval.dmn}), open to the cluster's
 * members until a deadline, then the participants selected against the action's rule, or, with too few applicants, the
 * call extended or the action cancelled. Every member organisation's people hear of the call, and every applicant of
 * the outcome, in their own language.
 */
@Service
public class ExportActionService {

    /** The group of the export marketing lead's role ({@code <cluster>-export-lead}), from the role registry. */
    public static final String LEAD_RIGHTS = "export-lead";

    public static final Set<String> FIELDS = Set.of("kind", "title", "markets", "startsOn", "endsOn", "place", "clusterCost",
            "participantFee", "places", "minParticipants", "joinDeadline", "selectionRule");
    public static final Set<String> APPLICATION_FIELDS = Set.of("products", "productCodes", "marketsServed", "certificates",
            "readiness");

    private final ExportActionRepository actions;
    private final CaseRepository cases;
    private final ExportActionCases engine;
    private final ClusterDirectory directory;
    private final MemberOrganisationRepository organisations;
    private final MailOutbox outbox;

    public ExportActionService(ExportActionRepository actions, CaseRepository cases, ExportActionCases engine,
                               ClusterDirectory directory, MemberOrganisationRepository organisations,
                               MailOutbox outbox) {
        this.actions = actions;
        this.cases = cases;
        this.engine = engine;
        this.directory = directory;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    /** Whether the person announces export actions in the cluster: its coordinators and its export marketing lead. */
    public static boolean announces(CurrentUser user, String clusterId) {
        return user.has(clusterId, Role.COORDINATOR) || user.groupIds().contains(clusterId + "-" + LEAD_RIGHTS);
    }

    /** What is wrong with an action as typed, field by field. */
    public FieldErrors check(Map<String, String> typed) {
        FieldErrors errors = new FieldErrors();
        if (Arrays.stream(ExportAction.Kind.values()).noneMatch(k -> k.name().equals(typed.get("kind")))) {
            errors.reject("kind", "error.required");
        }
        errors.required("title", typed.get("title"), 300);
        errors.required("place", typed.get("place"), 300);
        errors.required("selectionRule", typed.get("selectionRule"), 2000);
        List<String> markets = markets(typed.get("markets"));
        if (markets.isEmpty() || !markets.stream().allMatch(Countries::known)) {
            errors.reject("markets", "export.error.markets");
        }
        LocalDate deadline = errors.day("joinDeadline", typed.get("joinDeadline"), true);
        LocalDate starts = errors.day("startsOn", typed.get("startsOn"), true);
        LocalDate ends = errors.day("endsOn", typed.get("endsOn"), true);
        if (deadline != null && !deadline.isAfter(AppClock.today())) {
            errors.reject("joinDeadline", "export.error.deadlinePassed");
        }
        if (deadline != null && starts != null && !starts.isAfter(deadline)) {
            errors.reject("startsOn", "export.error.startsAfterDeadline");
        }
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.reject("endsOn", "export.error.endsBeforeStart");
        }
        amount(typed, "clusterCost", errors);
        amount(typed, "participantFee", errors);
        Integer places = whole(typed, "places", 1, 500, errors);
        Integer least = whole(typed, "minParticipants", 1, 500, errors);
        if (places != null && least != null && least > places) {
            errors.reject("minParticipants", "export.error.minOverPlaces");
        }
        return errors;
    }

    /** Stores a checked action with its case and starts it; the approval table says whether the board decides. */
    @Transactional
    public ExportAction announce(CurrentUser user, String clusterId, Map<String, String> typed) {
        ExportAction action = actions.insert(new ExportAction(0, null, clusterId,
                ExportAction.Kind.valueOf(typed.get("kind")), typed.get("title").strip(), markets(typed.get("markets")),
                LocalDate.parse(typed.get("startsOn").strip()), LocalDate.parse(typed.get("endsOn").strip()),
                typed.get("place").strip(), new BigDecimal(typed.get("clusterCost").strip().replace(',', '.')),
                new BigDecimal(typed.get("participantFee").strip().replace(',', '.')),
                Integer.parseInt(typed.get("places").strip()), Integer.parseInt(typed.get("minParticipants").strip()),
                LocalDate.parse(typed.get("joinDeadline").strip()), typed.get("selectionRule").strip(),
                ExportAction.Status.AWAITING_BOARD, user.id(), null));
        cases.insert(new CaseRecord(action.reference(), clusterId, ExportActionCases.PROCESS_KEY, action.title(),
                "EXPORT_" + action.status(), null, user.id(), null, null));
        cases.addEvent(action.reference(), user.name(), "export-announced", action.title());
        engine.start(action);
        return action;
    }

    /** Who approves the action, as the table says by what the cluster pays for it. */
    public String approver(long actionId) {
        return engine.approver(actions.get(actionId).clusterCost());
    }

    @Transactional
    public void notApproved(long actionId, String reason) {
        ExportAction action = setStatus(actionId, ExportAction.Status.NOT_APPROVED, "export-not-approved", reason);
        directory.person(action.announcedBy()).ifPresent(person -> outbox.queue(person, "export-notice",
                model(action, "notApproved", reason), action.reference()));
    }

    /** The call opens: every active member's people are told, each in their language. */
    @Transactional
    public void openCall(long actionId) {
        ExportAction action = setStatus(actionId, ExportAction.Status.OPEN, "export-call-opened",
                Detail.date(actions.get(actionId).joinDeadline()));
        Set<String> told = new HashSet<>();
        for (MemberOrganisation org : organisations.ofCluster(action.clusterId())) {
            for (OrganisationPerson p : organisations.people(org.id())) {
                if (p.role() != OrganisationRole.EXPERT && told.add(p.userId())) {
                    directory.person(p.userId()).ifPresent(person -> outbox.queue(person, "export-notice",
                            model(action, "call", null), action.reference()));
                }
            }
        }
    }

    /** What is wrong with an application as typed. */
    public FieldErrors checkApplication(Map<String, String> typed) {
        FieldErrors errors = new FieldErrors();
        errors.required("products", typed.get("products"), 2000);
        List<String> codes = codes(typed.get("productCodes"));
        if (codes.isEmpty() || !codes.stream().allMatch(c -> c.matches("\\d{4,10}"))) {
            errors.reject("productCodes", "export.error.codes");
        }
        errors.maxLength("marketsServed", typed.getOrDefault("marketsServed", ""), 300);
        errors.maxLength("certificates", typed.getOrDefault("certificates", ""), 300);
        whole(typed, "readiness", 1, 5, errors);
        return errors;
    }

    /**
     * A member's contact applies for their organisation while the call is open; false when the organisation applied
     * already (a second click, another of its people).
     */
    @Transactional
    public boolean apply(CurrentUser user, ExportAction action, long organisationId, Map<String, String> typed) {
        boolean added = actions.apply(action.id(), organisationId, user.id(), typed.get("products").strip(),
                String.join(", ", codes(typed.get("productCodes"))), blank(typed.get("marketsServed")),
                blank(typed.get("certificates")), Integer.parseInt(typed.get("readiness").strip()));
        if (added) {
            cases.addEvent(action.reference(), user.name(), "export-applied", organisations.name(organisationId));
        }
        return added;
    }

    /**
     * The deadline passed: whether enough organisations applied; the applicants as the selection form offers them
     * ({@code id=name · readiness · codes} lines).
     */
    @Transactional
    public Count countApplicants(long actionId) {
        ExportAction action = setStatus(actionId, ExportAction.Status.SELECTING, "export-call-closed", null);
        List<ExportApplication> applied = applied(action);
        String choices = applied.stream().map(a -> a.id() + "=" + a.organisationName() + " · " + a.readiness() + "/5 · "
                + a.productCodes()).collect(Collectors.joining("\n"));
        return new Count(applied.size() >= action.minParticipants(), choices);
    }

    /** Whether enough applied, and the applicants as choices. */
    public record Count(boolean enough, String choices) {
    }

    /**
     * The coordinator's selection: those chosen take part, those put on the waiting list wait in the order they
     * applied, everyone else is not selected, with the note why; each is told.
     */
    @Transactional
    public void select(long actionId, List<Long> selected, List<Long> waiting, String note) {
        ExportAction action = actions.get(actionId);
        for (ExportApplication a : applied(action)) {
            ExportApplication.Status status = selected.contains(a.id()) ? ExportApplication.Status.SELECTED
                    : waiting.contains(a.id()) ? ExportApplication.Status.WAITING
                    : ExportApplication.Status.NOT_SELECTED;
            actions.setApplicationStatus(a.id(), status, status == ExportApplication.Status.NOT_SELECTED ? note : null);
            directory.person(a.applicant()).ifPresent(person -> outbox.queue(person, "export-notice",
                    model(action, "application" + status.name(), status == ExportApplication.Status.NOT_SELECTED
                            ? note : null), action.reference()));
        }
        setStatus(actionId, ExportAction.Status.SELECTED, "export-selected",
                selected.size() + " / " + action.places());
    }

    /** Too few applied: the call stays open until a new deadline. */
    @Transactional
    public void extend(long actionId, LocalDate deadline) {
        actions.setDeadline(actionId, deadline);
        setStatus(actionId, ExportAction.Status.OPEN, "export-call-extended", Detail.date(deadline));
    }

    /** Too few applied and the action is called off: the applicants and the announcer are told why. */
    @Transactional
    public void cancel(long actionId, String reason) {
        ExportAction action = setStatus(actionId, ExportAction.Status.CANCELLED, "export-cancelled", reason);
        Set<String> told = new HashSet<>();
        for (ExportApplication a : actions.applications(actionId)) {
            if (told.add(a.applicant())) {
                directory.person(a.applicant()).ifPresent(person -> outbox.queue(person, "export-notice",
                        model(action, "cancelled", reason), action.reference()));
            }
        }
        if (told.add(action.announcedBy())) {
            directory.person(action.announcedBy()).ifPresent(person -> outbox.queue(person, "export-notice",
                    model(action, "cancelled", reason), action.reference()));
        }
    }

    public List<ExportApplication> applications(long actionId) {
        return actions.applications(actionId);
    }

    /** When the call closes, as the case's timer waits for it: the end of the deadline's day in Kyiv. */
    public static Date closesAt(LocalDate deadline) {
        return Date.from(deadline.plusDays(1).atStartOfDay(AppClock.KYIV).toInstant());
    }

    private List<ExportApplication> applied(ExportAction action) {
        return actions.applications(action.id()).stream()
                .filter(a -> a.status() != ExportApplication.Status.WITHDRAWN).toList();
    }

    private ExportAction setStatus(long actionId, ExportAction.Status status, String event, String detail) {
        actions.setStatus(actionId, status);
        ExportAction action = actions.get(actionId);
        cases.updateStatus(action.reference(), "EXPORT_" + status,
                status == ExportAction.Status.SELECTED || status == ExportAction.Status.CANCELLED
                        || status == ExportAction.Status.NOT_APPROVED);
        cases.addEvent(action.reference(), null, event, detail);
        return action;
    }

    private Map<String, Object> model(ExportAction action, String kind, String reason) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("action", action);
        model.put("reason", reason);
        model.put("link", outbox.link("/export-actions/" + action.reference()));
        model.put("subjectKey", "mail.export." + kind + ".subject");
        model.put("subjectArg", action.title());
        return model;
    }

    static List<String> markets(String typed) {
        List<String> codes = new ArrayList<>();
        for (String code : (typed == null ? "" : typed).split("[ ,;]+")) {
            String upper = code.strip().toUpperCase(Locale.ROOT);
            if (!upper.isEmpty() && !codes.contains(upper)) {
                codes.add(upper);
            }
        }
        return codes;
    }

    /** UKTZED/HS codes as typed, separated by commas or semicolons, each without its inner spaces and dots. */
    static List<String> codes(String typed) {
        return Arrays.stream((typed == null ? "" : typed).split("[,;]+")).map(c -> c.replaceAll("[\\s.]", ""))
                .filter(c -> !c.isEmpty()).toList();
    }


    private static void amount(Map<String, String> typed, String field, FieldErrors errors) {
        String value = typed.getOrDefault(field, "").strip().replace(',', '.');
        if (!value.matches("\\d{1,10}(\\.\\d{1,2})?")) {
            errors.reject(field, "export.error.amount");
        }
    }

    private static Integer whole(Map<String, String> typed, String field, int min, int max, FieldErrors errors) {
        String value = typed.getOrDefault(field, "").strip();
        if (!value.matches("\\d{1,4}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            errors.reject(field, "export.error.range", min, max);
            return null;
        }
        return Integer.parseInt(value);
    }

    private static String blank(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
