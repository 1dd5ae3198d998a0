package ua.clusterflow.cluster.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.cluster.PersonalData;

/** A person's own data as a download, and an administrator's erasure of a person on their request. */
@Controller
public class PersonalDataController {

    private final ClusterDirectory directory;
    private final PersonalData data;

    public PersonalDataController(ClusterDirectory directory, PersonalData data) {
        this.directory = directory;
        this.data = data;
    }

    @GetMapping("/my-data.zip")
    public ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user) {
        Person person = directory.person(user.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("clusterflow-" + person.id() + "-" + AppClock.today() + ".zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(data.export(person));
    }

    @GetMapping("/admin/people/{userId}/erase")
    public String initEraseForm(@PathVariable String userId, Model model) {
        return form(person(userId), model, new FieldErrors(), Map.of());
    }

    @PostMapping("/admin/people/{userId}/erase")
    public String processEraseForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId,
                                   @RequestParam(defaultValue = "") String reason,
                                   @RequestParam(defaultValue = "") String confirm, Model model,
                                   HttpServletResponse response, RedirectAttributes redirect) {
        Person person = person(userId);
        FieldErrors errors = new FieldErrors().required("reason", reason, 500);
        if (person.id().equals(user.id())) {
            errors.reject("confirm", "admin.erase.notYourself");
        } else if (!"yes".equals(confirm)) {
            errors.reject("confirm", "admin.erase.confirmRequired");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(person, model, errors, Map.of("reason", reason));
        }
        String erasedAs = data.erase(person, user.id(), reason);
        redirect.addFlashAttribute("message", "admin.erase.done");
        redirect.addFlashAttribute("messageArgs", new Object[] {erasedAs});
        return "redirect:/admin/clusters";
    }

    private String form(Person person, Model model, FieldErrors errors, Map<String, String> typed) {
        model.addAttribute("found", data.find(person));
        model.addAttribute("roles", directory.rolesOf(person.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "cluster/erase";
    }

    /** A person not erased yet. */
    private Person person(String userId) {
        return directory.person(userId).filter(p -> !PersonalData.ERASED_NAME.equals(p.firstName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
