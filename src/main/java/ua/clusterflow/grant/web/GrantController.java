package ua.clusterflow.grant.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.grant.GrantApplication;
import ua.clusterflow.grant.GrantForm;
import ua.clusterflow.grant.GrantRepository;
import ua.clusterflow.grant.GrantService;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.DocumentQuota;
import ua.clusterflow.tasklist.FileTypes;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.OpenStep;
import ua.clusterflow.tasklist.StepNames;
import ua.clusterflow.tasklist.engine.CaseService;
import ua.clusterflow.tasklist.engine.TaskListService;

/** The member portal for grant applications: my applications, drafts, submission, and the call calendar. */
@Controller
public class GrantController {

    /** One row of "my applications": where it stands, who holds it, and how long to the deadline. */
    public record Row(GrantApplication application, String organisation, List<String> nextSteps, String holder,
                      Long daysLeft) {
    }

    private final GrantService service;
    private final GrantRepository grants;
    private final MemberOrganisationRepository organisations;
    private final ClusterDirectory directory;
    private final TaskListService taskList;
    private final StepNames stepNames;
    private final DocumentQuota quota;
    private final CaseRepository documents;

    public GrantController(GrantService service, GrantRepository grants, MemberOrganisationRepository organisations,
                           ClusterDirectory directory, TaskListService taskList, StepNames stepNames, DocumentQuota quota,
                           CaseRepository documents) {
        this.documents = documents;
        this.service = service;
        this.quota = quota;
        this.grants = grants;
        this.organisations = organisations;
        this.directory = directory;
        this.taskList = taskList;
        this.stepNames = stepNames;
    }

    @GetMapping("/grants")
    public String list(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        List<Long> own = organisations.idsForContact(user.id());
        List<GrantApplication> found = new ArrayList<>(grants.ofOrganisations(own));
        List<String> staffClusters = user.clusterIds().stream().filter(user::worksCasesOf).toList();
        for (GrantApplication a : grants.ofClusters(staffClusters)) {
            if (found.stream().noneMatch(f -> f.id().equals(a.id()))) {
                found.add(a);
            }
        }
        Map<String, List<OpenStep>> open = taskList.openSteps(found.stream().map(GrantApplication::reference).toList(),
                found.stream().map(GrantApplication::clusterId).distinct().toList(), locale);
        model.addAttribute("rows", found.stream().map(a -> row(a, open.getOrDefault(a.reference(), List.of()), locale))
                .toList());
        model.addAttribute("canApply", !own.isEmpty());
        return "grants/list";
    }

    @PostMapping("/grants")
    public String createDraft(@AuthenticationPrincipal CurrentUser user) {
        List<Long> own = organisations.idsForContact(user.id());
        if (own.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return "redirect:/grants/" + service.createDraft(user.id(), own.get(0)).reference() + "/edit";
    }

    @GetMapping("/grants/{reference}/edit")
    public String initGrantForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                                Locale locale, Model model, RedirectAttributes redirect) {
        GrantApplication a = own(user, reference);
        if (!a.status().editable()) {
            redirect.addFlashAttribute("error", "grant.notEditable");
            return "redirect:/cases/" + reference;
        }
        return showForm(a, GrantForm.of(a), locale, model);
    }

    @PostMapping("/grants/{reference}")
    public String processGrantForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                                   HttpServletRequest request, HttpServletResponse response, Locale locale,
                                   Model model, RedirectAttributes redirect) throws IOException {
        GrantApplication a = own(user, reference);
        boolean submit = "submit".equals(request.getParameter("action"));
        GrantForm form = GrantForm.typed(request.getParameterMap());
        form.check(submit);
        List<FormSubmission.Upload> uploads = uploads(request, form);
        if (!form.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showForm(a, form, locale, model);
        }
        GrantService.SaveResult result = service.save(user.id(), reference, form, uploads, submit);
        if (result == GrantService.SaveResult.OVER_QUOTA) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            form.reject("attachments", "grant.error.fileQuota", String.valueOf(quota.quotaMb()),
                    CaseService.MAX_DOCUMENT_MB);
            return showForm(a, form, locale, model);
        }
        if (result == GrantService.SaveResult.STALE) {
            response.setStatus(HttpStatus.CONFLICT.value());
            GrantApplication now = grants.findByReference(reference).orElseThrow();
            model.addAttribute("error", "grant.stale");
            model.addAttribute("errorArgs", new Object[] {stepNames.status(now.status().name(), locale)});
            return showForm(now, form, locale, model);
        }
        redirect.addFlashAttribute("message", result == GrantService.SaveResult.SUBMITTED ? "grant.submitted" : "grant.saved");
        return result == GrantService.SaveResult.SUBMITTED ? "redirect:/grants" : "redirect:/grants/" + reference + "/edit";
    }

    @PostMapping("/grants/{reference}/delete")
    public String deleteDraft(@AuthenticationPrincipal CurrentUser user, @PathVariable String reference,
                              RedirectAttributes redirect) {
        own(user, reference);
        boolean deleted = service.deleteDraft(reference);
        redirect.addFlashAttribute(deleted ? "message" : "error", deleted ? "grant.draftDeleted" : "grant.notEditable");
        return deleted ? "redirect:/grants" : "redirect:/cases/" + reference;
    }

    @GetMapping("/grants/calendar")
    public String calendar(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<String> staffClusters = user.clusterIds().stream().filter(user::worksCasesOf).toList();
        model.addAttribute("entries", grants.upcomingDeadlines(staffClusters,
                organisations.idsForContact(user.id()), AppClock.today()).stream()
                .map(a -> new Row(a, organisations.name(a.organisationId()), List.of(), null,
                        ChronoUnit.DAYS.between(AppClock.today(), a.callDeadline())))
                .toList());
        return "grants/calendar";
    }

    private String showForm(GrantApplication a, GrantForm form, Locale locale, Model model) {
        model.addAttribute("grant", a);
        model.addAttribute("form", form);
        model.addAttribute("programmes", List.of("horizon", "smp", "interreg", "eu4business", "national", "other"));
        model.addAttribute("countries", Countries.all(locale));
        model.addAttribute("maxMb", CaseService.MAX_DOCUMENT_MB);
        model.addAttribute("documents", documents.documents(a.reference()));
        return "grants/form";
    }

    /** Attachments: each checked by content and size; a bad one is named next to the field. */
    private static List<FormSubmission.Upload> uploads(HttpServletRequest request, GrantForm form) throws IOException {
        List<FormSubmission.Upload> uploads = new ArrayList<>();
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return uploads;
        }
        for (MultipartFile file : multipart.getFiles("attachments")) {
            if (file.isEmpty()) {
                continue;
            }
            String name = FileTypes.safeName(file.getOriginalFilename());
            if (file.getSize() > CaseService.MAX_DOCUMENT_BYTES) {
                form.reject("attachments", "grant.error.fileSize", name, CaseService.MAX_DOCUMENT_MB);
                continue;
            }
            byte[] content = file.getBytes();
            String problem = FileTypes.problem(name, content, CaseService.DOCUMENT_TYPES, CaseService.MAX_DOCUMENT_BYTES);
            if (problem != null) {
                form.reject("attachments", "error.file.size".equals(problem) ? "grant.error.fileSize"
                        : "grant.error.fileType", name, CaseService.MAX_DOCUMENT_MB);
                continue;
            }
            uploads.add(new FormSubmission.Upload(name, FileTypes.contentType(FileTypes.detect(content)), content));
        }
        return uploads;
    }

    private Row row(GrantApplication a, List<OpenStep> open, Locale locale) {
        List<String> steps = open.stream().map(OpenStep::name).distinct().toList();
        String holder = open.stream().map(OpenStep::assignee).filter(Objects::nonNull).findFirst()
                .map(directory::displayName).orElse(open.isEmpty() ? null : stepNames.status("holder.coordinators", locale));
        Long days = a.callDeadline() == null ? null : ChronoUnit.DAYS.between(AppClock.today(), a.callDeadline());
        return new Row(a, organisations.name(a.organisationId()), steps, holder, days);
    }

    private GrantApplication own(CurrentUser user, String reference) {
        GrantApplication a = grants.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!organisations.idsForContact(user.id()).contains(a.organisationId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return a;
    }
}
