package ua.clusterflow.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.cluster.Cluster;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.onboarding.ApplicationData;
import ua.clusterflow.onboarding.ApplicationStatus;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.OnboardingApplicationRepository;
import ua.clusterflow.onboarding.OnboardingCases;
import ua.clusterflow.onboarding.OnboardingService;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.DocumentQuota;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.engine.FormDefinitions;
import ua.clusterflow.tasklist.web.FormRequests;

/**
 * The public side of onboarding: the application form (no login), and the applicant's page
 * reached through the signed link in their mail, where they follow and amend the application.
 */
@Controller
public class OnboardingController {

    private static final String SUBMISSION_ID = "submissionId";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OnboardingController.class);
    /** What the applicant's page tells of the case's history; the board's and staff's own steps stay inside. */
    private static final Set<String> APPLICANT_EVENTS = Set.of("applied", "duplicate",
            "info-requested", "amended", "abandoned", "rejected", "board-vote", "board-rejected", "invoice",
            "payment-cancelled", "member", "welcome");

    private final OnboardingService onboarding;
    private final OnboardingApplicationRepository applications;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final FormDefinitions forms;
    private final FormValidator validator;
    private final SignedLinks links;

    public OnboardingController(OnboardingService onboarding, OnboardingApplicationRepository applications,
                                CaseRepository cases, ClusterDirectory directory, FormDefinitions forms,
                                FormValidator validator, SignedLinks links) {
        this.onboarding = onboarding;
        this.applications = applications;
        this.cases = cases;
        this.directory = directory;
        this.forms = forms;
        this.validator = validator;
        this.links = links;
    }

    @GetMapping("/apply")
    public String chooseCluster(Model model) {
        List<Cluster> clusters = directory.clusters();
        if (clusters.size() == 1) {
            return "redirect:/apply/" + clusters.get(0).id();
        }
        model.addAttribute("clusters", clusters);
        return "onboarding/clusters";
    }

    @GetMapping("/apply/{clusterId}")
    public String initApplicationForm(@PathVariable String clusterId, Model model) {
        Cluster cluster = cluster(clusterId);
        return showForm(cluster, FormSubmission.empty(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/apply/{clusterId}")
    public String processApplicationForm(@PathVariable String clusterId, @RequestParam(name = SUBMISSION_ID,
                                                 defaultValue = "") String submissionId,
                                         HttpServletRequest request,
                                         HttpServletResponse response, Locale locale, Model model,
                                         RedirectAttributes redirect) {
        Cluster cluster = cluster(clusterId);
        String submission = submissionId.matches("[0-9a-f-]{36}") ? submissionId : UUID.randomUUID().toString();
        FormSubmission form = FormRequests.validate(validator, applicationForm(), request);
        if (form.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showForm(cluster, form, submission, model);
        }
        OnboardingApplication application;
        try {
            // an application is an organisation's, not the account's of whoever happens to be signed in
            application = onboarding.apply(cluster.id(), submission, form,
                    locale.getLanguage().equals("en") ? "en" : "uk", null);
        } catch (DocumentQuota.OverQuota e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            form.reject(ApplicationData.UPLOAD_EXTRACT, DocumentQuota.APPLICANTS_PROBLEM);
            return showForm(cluster, form, submission, model);
        } catch (RuntimeException e) {
            log.error("Application to {} could not be stored", cluster.id(), e);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("error", "error.saveFailed");
            return showForm(cluster, form, submission, model);
        }
        redirect.addFlashAttribute("reference", application.reference());
        redirect.addFlashAttribute("trackToken", onboarding.trackingToken(application));
        // the duplicate check ran as the application was stored: the applicant reads its result here, not only by mail
        redirect.addFlashAttribute("duplicate", onboarding.closedAsDuplicate(application.reference()));
        return "redirect:/apply/" + cluster.id() + "/done";
    }

    @GetMapping("/apply/{clusterId}/done")
    public String applied(@PathVariable String clusterId, Model model) {
        model.addAttribute("cluster", cluster(clusterId));
        return "onboarding/applied";
    }

    @GetMapping("/track/{token}")
    public String track(@PathVariable String token, Model model) {
        OnboardingApplication application = byToken(token);
        return showTracking(application, token, ApplicationData.formValues(application), null, model);
    }

    @PostMapping("/track/{token}")
    public String amend(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                        Model model, RedirectAttributes redirect) {
        OnboardingApplication application = byToken(token);
        FormSubmission form = FormRequests.validate(validator, applicationForm(), request);
        if (form.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showTracking(application, token, null, form, model);
        }
        if (!onboarding.amend(application.reference(), form)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", "onboarding.amend.notWaiting");
            return showTracking(applications.findByReference(application.reference()).orElseThrow(), token, null,
                    form, model);
        }
        redirect.addFlashAttribute("message", "onboarding.amend.done");
        return "redirect:/track/" + token;
    }

    private String showForm(Cluster cluster, FormSubmission submission, String submissionId, Model model) {
        model.addAttribute("cluster", cluster);
        model.addAttribute("form", applicationForm());
        model.addAttribute("submission", submission);
        model.addAttribute(SUBMISSION_ID, submissionId);
        return "onboarding/apply";
    }

    private String showTracking(OnboardingApplication application, String token, Map<String, Object> values,
                                FormSubmission submission, Model model) {
        model.addAttribute("onboardingApp", application);
        model.addAttribute("token", token);
        model.addAttribute("clusterName", directory.clusterName(application.clusterId()));
        model.addAttribute("events", cases.events(application.reference()).stream()
                .filter(e -> APPLICANT_EVENTS.contains(e.action())).toList());
        model.addAttribute("canAmend", application.status() == ApplicationStatus.INFO_REQUESTED);
        model.addAttribute("form", applicationForm());
        model.addAttribute("submission", submission != null ? submission : FormSubmission.of(values));
        return "onboarding/track";
    }

    private OnboardingApplication byToken(String token) {
        String reference = links.verify(OnboardingService.TRACK_LINK, token);
        return applications.findByReference(reference)
                .orElseThrow(() -> new SignedLinks.InvalidLinkException(SignedLinks.Problem.INVALID));
    }

    private FormDefinition applicationForm() {
        return forms.forStartOfProcess(OnboardingCases.PROCESS_KEY);
    }

    private Cluster cluster(String clusterId) {
        return directory.cluster(clusterId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
