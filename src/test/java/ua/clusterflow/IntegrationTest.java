package ua.clusterflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.mail.OutboxSender;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.OnboardingService;
import ua.clusterflow.shell.IdentityAuthenticationProvider;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * The whole application on the embedded PostgreSQL with the demo data, GreenMail as the SMTP
 * server and the engine's job executor off: one Spring context shared by every test that extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestRequests.class)
public abstract class IntegrationTest {

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected ManagementService management;
    @Autowired protected HistoryService history;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected GreenMail greenMail;
    @Autowired protected OutboxSender outboxSender;
    @Autowired protected OnboardingService onboarding;
    @Autowired protected IdentityAuthenticationProvider people;

    @BeforeEach
    void initEngineAssertions() throws Exception {
        BpmnAwareTests.init(engine);
        outboxSender.sendDue();
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    protected CurrentUser user(String userId) {
        return people.load(userId);
    }

    protected RequestPostProcessor as(String userId) {
        CurrentUser user = user(userId);
        return authentication(new UsernamePasswordAuthenticationToken(user, null, user.authorities()));
    }

    /** A valid EDRPOU code no other test uses. */
    protected static String newEdrpou() {
        String first7 = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 2_999_999));
        return first7 + Edrpou.checkDigit(first7);
    }

    protected static Map<String, Object> applicationValues(String name, String edrpou, String email) {
        return CaseSteps.applicationValues(name, edrpou, email);
    }

    protected OnboardingApplication apply(String cluster, String name, String edrpou, String email) {
        return onboarding.apply(cluster, UUID.randomUUID().toString(),
                FormSubmission.ofValues(applicationValues(name, edrpou, email)), "uk", null);
    }

    protected ProcessInstance instance(String businessKey, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(processKey).singleResult();
    }

    protected Task task(String businessKey, String activityId) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(activityId).list();
        assertThat(found).as("open task %s of %s", activityId, businessKey).hasSize(1);
        return found.get(0);
    }

    protected void complete(String businessKey, String activityId, String userId, Map<String, Object> variables) {
        CaseSteps.complete(tasks, businessKey, activityId, userId, variables);
    }

    /** A board member's ballot in the board vote of a case. */
    protected void castBallot(String businessKey, String voter, String choice, String comment) {
        CaseSteps.castBallot(tasks, businessKey, voter, choice, comment);
    }

    /**
     * Sets the engine's clock to noon in Kyiv today, for tests whose timers fall on a day and an hour (a deadline's
     * 23:59, a reminder's 09:00): their day counts then hold at whatever hour the tests run.
     */
    protected void startAtNoonInKyiv() {
        ClockUtil.setCurrentTime(Date.from(AppClock.today().atTime(12, 0).atZone(AppClock.KYIV).toInstant()));
    }

    /** Moves the engine's clock (the app reads the same clock). */
    protected void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }

    /** Executes the timer job of one boundary or intermediate timer event, failing loudly if it is not due. */
    protected void fireTimer(String processInstanceId, String timerActivityId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(timerActivityId).singleResult();
        assertThat(job).as("timer %s", timerActivityId).isNotNull();
        assertThat(job.getDuedate()).as("timer %s due", timerActivityId).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        management.executeJob(job.getId());
    }

    /**
     * Runs the steps a case left to the job executor (off in tests), as the executor would: each in a transaction of
     * its own, after the step before it has committed.
     */
    protected void runQueuedSteps(String businessKey) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .list()) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().withRetriesLeft()
                    .list()) {
                management.executeJob(job.getId());
            }
        }
    }

    /** Delivers the outbox and returns the mails received by one address. */
    protected List<MimeMessage> mailsTo(String address) {
        outboxSender.sendDue();
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    protected List<String> subjectsTo(String address) {
        return mailsTo(address).stream().map(IntegrationTest::subject).toList();
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a PDF as poppler's pdftotext reads it. */
    protected static String pdfText(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("invoice", ".pdf");
        Files.write(file, pdf);
        Process process = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.deleteIfExists(file);
        return text.replace('\u00a0', ' ');
    }

    /** The file name of a mail's attachment, null when it has none. */
    protected static String attachmentName(MimeMessage message) {
        try {
            Part part = attachedPart(message);
            return part == null ? null : part.getFileName();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a mail's attachment (a calendar entry), empty when it has none. */
    protected static String attachment(MimeMessage message) {
        try {
            Part part = attachedPart(message);
            return part == null ? "" : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part attachedPart(MimeMessage message) {
        try {
            if (message.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).getFileName() != null) {
                        return parts.getBodyPart(i);
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link the QR code shown in the mail's text holds, read back as a phone's camera reads it. */
    protected static String decodedQr(MimeMessage mail) throws Exception {
        Part image = inlinePart(mail.getContent(), "<door-code>");
        assertThat(image).as("the QR code shown in the mail").isNotNull();
        BufferedImage picture = ImageIO.read(image.getInputStream());
        int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels)));
        // the mail's image is the code as generated, so it is read as such; the camera's way (finding the code in a
        // picture) failed once in many runs on a generated image
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (com.google.zxing.ReaderException notPure) {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }

    private static Part inlinePart(Object content, String contentId) throws Exception {
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                String[] ids = part.getHeader("Content-ID");
                if (ids != null && ids[0].equals(contentId)) {
                    return part;
                }
                Part nested = inlinePart(part.getContent(), contentId);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** The mail's HTML text, also when it comes with attachments. */
    protected static String body(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/html") || part.isMimeType("multipart/*")) {
                    return text(part.getContent());
                }
            }
            return "";
        }
        return content.toString();
    }

    private static String recipients(MimeMessage message) {
        try {
            return String.join(",", message.getHeader("To"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
