package ua.clusterflow.cluster.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.Sessions;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.mail.MailOutbox;

/**
 * A person who forgot their password asks for a link by their login or e-mail; the link, mailed to the account's
 * own address, is signed, expires after an hour and works once. The page never says whether an account exists.
 */
@Controller
public class PasswordResetController {

    public static final String LINK_PURPOSE = "password-reset";
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final SignedLinks links;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final Sessions sessions;

    public PasswordResetController(SignedLinks links, ClusterDirectory directory, MailOutbox outbox, Sessions sessions) {
        this.sessions = sessions;
        this.links = links;
        this.directory = directory;
        this.outbox = outbox;
    }

    @GetMapping("/password-reset")
    public String initRequestForm() {
        return "cluster/password-reset";
    }

    @PostMapping("/password-reset")
    @Transactional
    public String processRequestForm(@RequestParam(defaultValue = "") String login, RedirectAttributes redirect) {
        String typed = login.trim();
        if (!typed.isEmpty() && typed.length() <= 200) {
            directory.personByLoginOrEmail(typed).filter(p -> p.email() != null && !p.email().isBlank())
                    .ifPresent(person -> outbox.queue(person, "password-reset", Map.of("userId", person.id(),
                            "resetLink", outbox.link("/password-reset/"
                                    + links.sign(LINK_PURPOSE, person.id() + ":" + UUID.randomUUID(), VALIDITY))),
                            null));
        }
        redirect.addAttribute("resetSent", "");
        return "redirect:/login";
    }

    @GetMapping("/password-reset/{token}")
    public String initPasswordForm(@PathVariable String token, Model model) {
        String userId = userId(token);
        if (links.used(token)) {
            throw new SignedLinks.InvalidLinkException(SignedLinks.Problem.CLOSED);
        }
        return PasswordForm.show(model, userId, "/password-reset/" + token, null);
    }

    @PostMapping("/password-reset/{token}")
    @Transactional
    public String processPasswordForm(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                                      @RequestParam(defaultValue = "") String repeat, Model model,
                                      HttpServletResponse response, RedirectAttributes redirect) {
        String userId = userId(token);
        if (links.used(token)) {
            throw new SignedLinks.InvalidLinkException(SignedLinks.Problem.CLOSED);
        }
        String error = PasswordForm.problem(password, repeat);
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return PasswordForm.show(model, userId, "/password-reset/" + token, error);
        }
        if (!links.use(token)) {
            throw new SignedLinks.InvalidLinkException(SignedLinks.Problem.CLOSED);
        }
        directory.setPassword(userId, password);
        // whoever was signed in with the old password, on any node, signs in anew
        sessions.endAllOf(userId);
        redirect.addAttribute("passwordChanged", "");
        redirect.addAttribute("user", userId);
        return "redirect:/login";
    }

    private String userId(String token) {
        String subject = links.verify(LINK_PURPOSE, token);
        String userId = subject.substring(0, Math.max(0, subject.lastIndexOf(':')));
        if (!directory.personExists(userId)) {
            throw new SignedLinks.InvalidLinkException(SignedLinks.Problem.INVALID);
        }
        return userId;
    }
}
