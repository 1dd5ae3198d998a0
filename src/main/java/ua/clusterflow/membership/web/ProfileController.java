package ua.clusterflow.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.engine.FormDefinitions;
import ua.clusterflow.tasklist.web.FormRequests;

/**
 * A member's own profile in the directory: the fields of the application form that first collected it, shown and
 * checked by that form's definition, so the profile takes what the application takes.
 */
@Controller
public class ProfileController {

    static final String APPLICATION_FORM = "forms/member-onboarding/member-onboarding-application.form";
    static final List<String> FIELDS = List.of("sectors", "headcount", "region", "offers", "needs");

    private final MemberOrganisationRepository organisations;
    private final FormDefinitions forms;
    private final FormValidator validator;

    public ProfileController(MemberOrganisationRepository organisations, FormDefinitions forms,
                             FormValidator validator) {
        this.organisations = organisations;
        this.forms = forms;
        this.validator = validator;
    }

    @GetMapping("/profile")
    public String initProfileForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        MemberOrganisation own = own(user);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("sectors", own.sectors() == null ? List.of() : List.of(own.sectors().split(",")));
        typed.put("headcount", own.headcount());
        typed.put("region", own.region());
        typed.put("offers", own.offers());
        typed.put("needs", own.needs());
        return show(own, FormSubmission.of(typed), model);
    }

    @PostMapping("/profile")
    public String processProfileForm(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                                     HttpServletResponse response, Model model, RedirectAttributes redirect) {
        MemberOrganisation own = own(user);
        FormSubmission profile = FormRequests.validate(validator, form(), request);
        if (profile.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(own, profile, model);
        }
        organisations.updateProfile(own.id(), profile.text("sectors"), ((Number) profile.values().get("headcount"))
                .intValue(), profile.text("region").trim(), profile.text("offers").trim(), profile.text("needs").trim());
        redirect.addFlashAttribute("message", "directory.profileSaved");
        return "redirect:/directory/" + own.id();
    }

    private FormDefinition form() {
        return forms.fromClasspath(APPLICATION_FORM).only(FIELDS);
    }

    private String show(MemberOrganisation own, FormSubmission submission, Model model) {
        model.addAttribute("organisation", own);
        model.addAttribute("form", form());
        model.addAttribute("submission", submission);
        return "directory/profile";
    }

    private MemberOrganisation own(CurrentUser user) {
        return organisations.idsForContact(user.id()).stream().findFirst().flatMap(organisations::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
