package ua.clusterflow.mail.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** For administrators: the outbox with its failures, and the mail the built-in catcher received. */
@Controller
public class MailController {

    public record OutboxRow(long id, String recipient, String subject, String status, int attempts,
                            String lastError, Date createdAt, Date sentAt) {
    }

    public record CaughtMail(int index, String to, String subject, Date received, String body) {

        private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"]+)\"");

        /** The links in the mail, to follow them from the catcher's page. */
        public List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(body);
            while (matcher.find()) {
                links.add(matcher.group(1).replace("&amp;", "&"));
            }
            return links;
        }
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<GreenMail> catcher;

    public MailController(JdbcClient jdbc, ObjectProvider<GreenMail> catcher) {
        this.jdbc = jdbc;
        this.catcher = catcher;
    }

    @GetMapping("/admin/mail")
    public String outbox(@RequestParam(defaultValue = "") String status, Model model) {
        model.addAttribute("rows", jdbc.sql("""
                select id, recipient, subject, status, attempts, last_error, created_at, sent_at from mail_outbox
                where (:status = '' or status = :status) order by id desc limit 200""")
                .param("status", status)
                .query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getTimestamp(7), rs.getTimestamp(8)))
                .list());
        model.addAttribute("status", status);
        model.addAttribute("caught", caught());
        model.addAttribute("catcherEnabled", catcher.getIfAvailable() != null);
        return "admin/mail";
    }

    @GetMapping("/admin/mail/caught/{index}")
    public String caughtMail(@PathVariable int index, Model model) {
        Optional<CaughtMail> mail = caught().stream().filter(m -> m.index() == index).findFirst();
        model.addAttribute("mail", mail.orElse(null));
        return "admin/caught-mail";
    }

    @PostMapping("/admin/mail/{id}/retry")
    public String retry(@PathVariable long id) {
        jdbc.sql("update mail_outbox set status = 'PENDING', next_attempt_at = now() where id = ? and status = 'FAILED'")
                .param(id).update();
        return "redirect:/admin/mail";
    }

    private List<CaughtMail> caught() {
        GreenMail greenMail = catcher.getIfAvailable();
        List<CaughtMail> result = new ArrayList<>();
        if (greenMail == null) {
            return result;
        }
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0 && result.size() < 200; i--) {
            try {
                Object content = messages[i].getContent();
                String body = content instanceof String text ? text : GreenMailUtil.getBody(messages[i]);
                result.add(new CaughtMail(i, String.join(", ", List.of(messages[i].getHeader("To"))),
                        messages[i].getSubject(), messages[i].getSentDate(), body));
            } catch (MessagingException | java.io.IOException e) {
                result.add(new CaughtMail(i, "?", "?", null, ""));
            }
        }
        return result;
    }
}
