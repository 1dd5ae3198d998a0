package ua.clusterflow.mail.web;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ua.clusterflow.mail.MailArchive;

/**
 * For administrators: the outbox with its failures, and the mail the built-in catcher received, each mail shown as
 * its recipient reads it, with its attachments to download, at an address that stays its own.
 */
@Controller
public class MailController {

    private final MailArchive archive;
    private final ObjectProvider<GreenMail> catcher;

    public MailController(MailArchive archive, ObjectProvider<GreenMail> catcher) {
        this.archive = archive;
        this.catcher = catcher;
    }

    @GetMapping("/admin/mail")
    public String outbox(@RequestParam(defaultValue = "") String status, Model model) {
        model.addAttribute("rows", archive.outbox(status));
        model.addAttribute("status", status);
        GreenMail greenMail = catcher.getIfAvailable();
        model.addAttribute("catcherEnabled", greenMail != null);
        model.addAttribute("caught", greenMail == null ? List.of()
                : MailArchive.caught(greenMail.getReceivedMessages()));
        return "admin/mail";
    }

    @GetMapping("/admin/mail/{id:\\d+}")
    public String outboxMail(@PathVariable long id, Model model) {
        model.addAttribute("mail", archive.outboxMail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("attachmentLink", "/admin/mail/" + id + "/attachment");
        return "admin/caught-mail";
    }

    @GetMapping("/admin/mail/{id:\\d+}/attachment")
    public ResponseEntity<byte[]> outboxAttachment(@PathVariable long id) {
        return download(archive.outboxAttachment(id));
    }

    @GetMapping("/admin/mail/caught")
    public String caughtMail(@RequestParam String message, Model model) throws MessagingException, IOException {
        model.addAttribute("mail", MailArchive.shown(caught(message)));
        model.addAttribute("attachmentLink", null);
        model.addAttribute("messageId", message);
        return "admin/caught-mail";
    }

    @GetMapping("/admin/mail/caught/attachment")
    public ResponseEntity<byte[]> caughtAttachment(@RequestParam String message, @RequestParam int part)
            throws MessagingException, IOException {
        return download(MailArchive.caughtAttachment(caught(message), part));
    }

    @PostMapping("/admin/mail/{id}/retry")
    public String retry(@PathVariable long id) {
        archive.retry(id);
        return "redirect:/admin/mail";
    }

    private MimeMessage caught(String messageId) {
        GreenMail greenMail = catcher.getIfAvailable();
        return Optional.ofNullable(greenMail).flatMap(g -> MailArchive.caughtMessage(g.getReceivedMessages(), messageId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** An attachment as a download, never shown inline: the operator's browser opens nothing a mail carried. */
    private static ResponseEntity<byte[]> download(Optional<MailArchive.File> file) {
        MailArchive.File found = file.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MediaType type;
        try {
            type = MediaType.parseMediaType(found.contentType().split(";")[0].trim());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(found.name() == null ? "attachment" : found.name(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(type)
                .body(found.content());
    }
}
