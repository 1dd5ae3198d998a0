package ua.clusterflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;

/** The operator's mail page: each mail as its recipient reads it, attachments to download, stable addresses. */
class MailPageTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired MailOutbox outbox;

    @Test
    void aMailWithAnAttachmentIsShownDecodedWithItsFileAndKeepsItsAddressWhenNewMailArrives() throws Exception {
        byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        outbox.queue("first-reader@example.com", "uk", "task-assigned", Map.of("taskName", "Перша задача",
                "caseTitle", "Справа з вкладенням", "businessKey", "ONB-1", "link", "http://localhost/tasks/1",
                "subjectArg", "Перша задача"), null, new MailOutbox.Attachment("zustrich.ics", "text/calendar", ics));
        outboxSender.sendDue();

        String list = page("/admin/mail");
        String caught = first(list, "href=\"(/admin/mail/caught\\?message=[^\"]+)\"");
        String outboxMail = first(list, "href=\"(/admin/mail/\\d+)\"");
        String shown = page(caught.replace("&amp;", "&"));
        assertThat(shown).contains("Перша задача").contains("Справа з вкладенням")
                .doesNotContain("=D0").doesNotContain("Content-Transfer-Encoding")
                .contains("id=\"mail-attachments\"").contains("zustrich.ics").contains("http://localhost/tasks/1");
        String download = first(shown, "href=\"(/admin/mail/caught/attachment\\?[^\"]+)\"").replace("&amp;", "&");
        MockHttpServletResponse file = mvc.perform(get(URI.create(download)).with(as("admin"))).andReturn().getResponse();
        assertThat(file.getContentAsByteArray()).isEqualTo(ics);
        assertThat(file.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(page(outboxMail)).contains("Перша задача").contains("zustrich.ics");

        // a newer mail comes first, and the first one's address still shows the first one
        outbox.queue("second-reader@example.com", "uk", "task-assigned", Map.of("taskName", "Друга задача",
                "caseTitle", "Інша справа", "businessKey", "ONB-2", "link", "http://localhost/tasks/2",
                "subjectArg", "Друга задача"), null);
        outboxSender.sendDue();
        String newer = page("/admin/mail");
        assertThat(newer.indexOf("Друга задача")).isLessThan(newer.indexOf("Перша задача"));
        assertThat(page(caught.replace("&amp;", "&"))).contains("Перша задача").doesNotContain("Друга задача");
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(URI.create(path)).with(as("admin"))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String first(String page, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(page);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }
}
