package ua.clusterflow.meetup;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.QrCodes;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.mail.MailOutbox;

/**
 * What a meetup's people are sent: its notices (with a guest's cancel link, door code and calendar entry), the
 * experts' invitations, and the links and images they carry. The meetup's rules stay with {@link MeetupService}.
 */
@Component
public class MeetupMails {

    /** One mail of a meetup: to whom, in which language, of which kind, with what. */
    public record Notice(String email, String language, String name, String kind, String quote,
                         MailOutbox.Attachment attachment, Long registrationId, String mode) {

        /** A notice of a kind to a person; without a name the address was typed in the public form. */
        public static Notice to(String email, String language, String name, String kind) {
            return new Notice(email, language, name, kind, null, null, null, null);
        }

        /** With words quoted from whoever acted (a coordinator's comment). */
        public Notice quoting(String words) {
            return new Notice(email, language, name, kind, words, attachment, registrationId, mode);
        }

        /** With a file attached (a calendar entry, a report); none when null. */
        public Notice attaching(MailOutbox.Attachment file) {
            return new Notice(email, language, name, kind, quote, file, registrationId, mode);
        }

        /** For a guest who comes in a mode (in person or online). */
        public Notice inMode(String guestMode) {
            return new Notice(email, language, name, kind, quote, attachment, registrationId, guestMode);
        }

        /** For a registered guest: the mail carries their cancel link, and a ticket their door code. */
        public Notice forGuest(long registration, String guestMode) {
            return new Notice(email, language, name, kind, quote, attachment, registration, guestMode);
        }
    }

    static final Set<String> TICKET_KINDS = Set.of("registered", "promoted", "changed");
    static final String DOOR_CODE_ID = "door-code";
    static final int DOOR_CODE_PIXELS = 220;

    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final SignedLinks links;
    private final MeetupCalendar calendar;

    public MeetupMails(ClusterDirectory directory, MailOutbox outbox, SignedLinks links, MeetupCalendar calendar) {
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.calendar = calendar;
    }

    /** The calendar entry of a guest's mode, with the cluster as its organiser. */
    public MailOutbox.Attachment calendarEntry(Meetup meetup, String mode) {
        return calendar.invitation(meetup, mode, directory.clusterName(meetup.clusterId()), page(meetup));
    }

    public MailOutbox.Attachment calendarCancellation(Meetup meetup, String mode) {
        return calendar.cancellation(meetup, mode, directory.clusterName(meetup.clusterId()), page(meetup));
    }

    public String page(Meetup meetup) {
        return outbox.link("/meetups/" + meetup.reference());
    }

    void invite(Meetup meetup, String token, String name, String email, String language, String kind) {
        Map<String, Object> model = model(meetup, name, kind, null);
        model.put("acceptLink", outbox.link("/expert/" + token + "?answer=accept"));
        model.put("declineLink", outbox.link("/expert/" + token + "?answer=decline"));
        outbox.queue(email, language, "meetup-expert", model, meetup.reference());
    }

    /**
     * A mail about the meetup; for a guest, it carries their cancel link and, with a ticket, their door code. Without
     * a name the address came from the public form: the mail greets no one by the name typed there and says why it
     * was sent.
     */
    void send(Meetup meetup, Notice notice) {
        if (notice.email() == null || notice.email().isBlank()) {
            return;
        }
        Map<String, Object> model = model(meetup, notice.name(), notice.kind(), notice.quote());
        if (notice.mode() != null) {
            model.put("where", meetup.where(notice.mode()));
            model.put("mode", notice.mode());
        }
        if (notice.name() == null) {
            model.put("publicForm", true);
        }
        MailOutbox.Attachment doorCode = null;
        if (notice.registrationId() != null) {
            model.put("cancelLink", outbox.link("/meetups/registrations/" + links.sign(MeetupService.REGISTRATION_LINK,
                    String.valueOf(notice.registrationId()), MeetupService.REGISTRATION_LINK_VALIDITY)));
            if (TICKET_KINDS.contains(notice.kind())) {
                doorCode = new MailOutbox.Attachment(DOOR_CODE_ID, "image/png",
                        QrCodes.png(doorLink(meetup, notice.registrationId()), DOOR_CODE_PIXELS));
                model.put("doorCode", "cid:" + DOOR_CODE_ID);
            }
        }
        outbox.queue(notice.email(), notice.language(), "meetup-notice", model, meetup.reference(),
                notice.attachment(), doorCode);
    }

    /**
     * The link a guest's QR code holds: the coordinator's phone opens it at the door and checks the guest in. It names
     * the guest only to someone signed in who runs the meetup.
     */
    /** The guest's door code as an image a page shows inline. */
    public String doorCodeImage(Meetup meetup, long registrationId) {
        return "data:image/png;base64," + Base64.getEncoder()
                .encodeToString(QrCodes.png(doorLink(meetup, registrationId), DOOR_CODE_PIXELS));
    }

    public String doorLink(Meetup meetup, long registrationId) {
        return outbox.link("/meetups/" + meetup.reference() + "/door/"
                + links.sign(MeetupService.DOOR_LINK, String.valueOf(registrationId),
                MeetupService.REGISTRATION_LINK_VALIDITY));
    }

    private Map<String, Object> model(Meetup meetup, String name, String kind, String quote) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", name);
        model.put("kind", kind);
        model.put("segment", meetup.segment());
        model.put("when", (Supplier<String>) meetup::when);
        model.put("where", meetup.where(null));
        model.put("quote", quote == null ? "" : quote);
        model.put("link", page(meetup));
        model.put("subjectKey", "mail.meetup." + kind + ".subject");
        model.put("subjectArg", meetup.segment());
        return model;
    }
}
