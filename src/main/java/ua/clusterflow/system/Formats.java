package ua.clusterflow.system;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Dates as people in Ukraine read them, in Kyiv time; used by templates as {@code @formats}. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(AppClock.KYIV);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(AppClock.KYIV);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(AppClock.KYIV);

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String dateTime(Date date) {
        return date == null ? "" : DATE_TIME.format(date.toInstant());
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public String isoDate(Instant instant) {
        return instant == null ? "" : ISO_DATE.format(instant);
    }
}
