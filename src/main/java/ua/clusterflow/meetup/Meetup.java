package ua.clusterflow.meetup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A technology meetup: its topic, plan, capacity per attendance mode, and afterwards its outcome. */
public record Meetup(long id, String reference, String clusterId, String proposedBy, MeetupStatus status,
                     String segment, String challenge, String format, LocalDate windowFrom, LocalDate windowTo,
                     Instant startsAt, Instant endsAt, String venue, String onlineLink, int capacityOffline,
                     int capacityOnline, BigDecimal budget, String summary, Integer attendance, String agendaItems,
                     String followUps, int calendarSequence) {

    public int capacity(String mode) {
        return "online".equals(mode) ? capacityOnline : capacityOffline;
    }

    /** The attendance modes the format offers. */
    public java.util.List<String> modes() {
        return switch (format) {
            case "online" -> java.util.List.of("online");
            case "offline" -> java.util.List.of("offline");
            default -> java.util.List.of("offline", "online");
        };
    }
}
