package ua.clusterflow.base;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** One clock for the app and the engine, so that moving the engine clock in a test moves both. */
public final class AppClock {

    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private AppClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static Date nowDate() {
        return ClockUtil.getCurrentTime();
    }

    public static ZonedDateTime nowInKyiv() {
        return now().atZone(KYIV);
    }

    public static LocalDate today() {
        return nowInKyiv().toLocalDate();
    }

    /** The first moment of a day in Kyiv, as the database compares it with timestamps. */
    public static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(KYIV).toInstant());
    }
}
