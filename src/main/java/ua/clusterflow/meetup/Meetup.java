package ua.clusterflow.meetup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ua.clusterflow.base.Formats;

/** A technology meetup: its topic, plan, capacity per attendance mode, and afterwards its outcome. */
public record Meetup(long id, String reference, String clusterId, String proposedBy, MeetupStatus status,
                     String segment, String challenge, String format, LocalDate windowFrom, LocalDate windowTo,
                     Instant startsAt, Instant endsAt, String venue, String onlineLink, int capacityOffline,
                     int capacityOnline, BigDecimal budget, String summary, Integer attendance, String agendaItems,
                     String followUps, int calendarSequence) {

    /** Dates and times in the reader's language; the text of a meetup's time is written when it is read. */
    private static final Formats FORMATS = new Formats();

    public int capacity(String mode) {
        return "online".equals(mode) ? capacityOnline : capacityOffline;
    }

    /** The attendance modes the format offers. */
    public List<String> modes() {
        return switch (format) {
            case "online" -> List.of("online");
            case "offline" -> List.of("offline");
            default -> List.of("offline", "online");
        };
    }

    /**
     * Where a guest of a mode goes: the online link for an online guest, the venue for one who comes in person, and
     * without a mode (the announcement) the venue, or the link when the meetup has no venue.
     */
    public String where(String mode) {
        String venue = venue() == null ? "" : venue().trim();
        String online = onlineLink() == null ? "" : onlineLink().trim();
        if ("online".equals(mode)) {
            return online.isEmpty() ? venue : online;
        }
        if ("offline".equals(mode)) {
            return venue.isEmpty() ? online : venue;
        }
        return venue.isEmpty() ? online : venue;
    }

    /** When a meetup takes place, in Kyiv time, or its date window while it is not planned yet. */
    public String when() {
        if (startsAt() == null) {
            return FORMATS.days(windowFrom(), windowTo());
        }
        return FORMATS.span(startsAt(), endsAt());
    }
}
