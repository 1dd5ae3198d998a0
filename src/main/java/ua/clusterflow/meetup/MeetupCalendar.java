package ua.clusterflow.meetup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.mail.MailOutbox;

/**
 * The meetup as an iCalendar entry (.ics), in Kyiv time, made with ical4j: the place of the guest's own mode (the
 * venue, or the online link), the cluster as organiser, one UID for the meetup whatever changes, an update for each new
 * date or place (the next SEQUENCE) and a cancellation that removes the entry again.
 */
@Component
public class MeetupCalendar {

    private static final String ZONE = "Europe/Kyiv";

    private final String organiserAddress;

    public MeetupCalendar(@Value("${clusterflow.mail.from}") String from) {
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>', from.indexOf('<')))
                : from;
        this.organiserAddress = address.trim();
    }

    public MailOutbox.Attachment invitation(Meetup meetup, String mode, String organiser, String pageLink) {
        return attachment(meetup, ics(meetup, mode, organiser, pageLink, false));
    }

    /** Takes the meetup out of the guest's calendar: the same entry, cancelled. */
    public MailOutbox.Attachment cancellation(Meetup meetup, String mode, String organiser, String pageLink) {
        return attachment(meetup, ics(meetup, mode, organiser, pageLink, true));
    }

    private static MailOutbox.Attachment attachment(Meetup meetup, String ics) {
        return new MailOutbox.Attachment(meetup.reference() + ".ics", "text/calendar; charset=UTF-8",
                ics.getBytes(StandardCharsets.UTF_8));
    }

    public String ics(Meetup meetup, String mode, String organiser, String pageLink, boolean cancelled) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        VTimeZone zone = registry.getTimeZone(ZONE).getVTimeZone();
        VEvent event = new VEvent(meetup.startsAt().atZone(AppClock.KYIV), meetup.endsAt().atZone(AppClock.KYIV),
                meetup.segment());
        event.add(new Uid(meetup.reference() + "@clusterflow"));
        String online = meetup.onlineLink() == null || meetup.onlineLink().isBlank() ? null : meetup.onlineLink();
        String where = meetup.where(mode);
        event.add(new Description(meetup.challenge() + (online != null && "online".equals(mode) ? "\n\n" + online : "")));
        if (!where.isBlank()) {
            event.add(new Location(where));
        }
        String url = "online".equals(mode) && online != null ? online : pageLink;
        if (url != null) {
            event.add(new Url(URI.create(url)));
        }
        Organizer organizer = new Organizer(URI.create("mailto:" + organiserAddress));
        if (organiser != null && !organiser.isBlank()) {
            organizer.add(new Cn(organiser));
        }
        event.add(organizer);
        // an update carries the meetup's sequence, a cancellation the one after it: each replaces the entry before it
        event.add(new Sequence(meetup.calendarSequence() + (cancelled ? 1 : 0)));
        if (cancelled) {
            event.add(new Status(Status.VALUE_CANCELLED));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//ClusterFlow//Meetups//UK"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(cancelled ? "CANCEL" : "PUBLISH"));
        calendar.add(zone);
        calendar.add(event);
        return calendar.toString();
    }
}
