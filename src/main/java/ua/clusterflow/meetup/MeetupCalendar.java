package ua.clusterflow.meetup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.system.AppClock;

/** The meetup as an iCalendar invitation (.ics), in Kyiv time, made with ical4j. */
@Component
public class MeetupCalendar {

    private static final String ZONE = "Europe/Kyiv";

    public MailOutbox.Attachment invitation(Meetup meetup, String pageLink) {
        return new MailOutbox.Attachment(meetup.reference() + ".ics", "text/calendar; charset=UTF-8",
                ics(meetup, pageLink).getBytes(StandardCharsets.UTF_8));
    }

    public String ics(Meetup meetup, String pageLink) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        VTimeZone zone = registry.getTimeZone(ZONE).getVTimeZone();
        VEvent event = new VEvent(meetup.startsAt().atZone(AppClock.KYIV), meetup.endsAt().atZone(AppClock.KYIV),
                meetup.segment());
        event.add(new Uid(meetup.reference() + "@clusterflow"));
        event.add(new Description(meetup.challenge()));
        String where = meetup.venue() == null || meetup.venue().isBlank() ? meetup.onlineLink() : meetup.venue();
        if (where != null && !where.isBlank()) {
            event.add(new Location(where));
        }
        if (pageLink != null) {
            event.add(new Url(URI.create(pageLink)));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//ClusterFlow//Meetups//UK"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method("PUBLISH"));
        calendar.add(zone);
        calendar.add(event);
        return calendar.toString();
    }
}
