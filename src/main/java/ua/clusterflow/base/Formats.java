package ua.clusterflow.base;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and money in one format per language, in Kyiv time; used by templates as {@code @formats}. Ukrainian:
 * 02.12.2026, 02.12.2026 14:00, 250 000,00 EUR. English: 2 Dec 2026, 2 Dec 2026, 14:00, EUR 250,000.00. The language
 * is the reader's: the page's, or the recipient's while a mail is written; elsewhere (a timer's step) Ukrainian.
 */
@Component("formats")
public class Formats {

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    private static final DateTimeFormatter UK_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(AppClock.KYIV);
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(AppClock.KYIV);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(AppClock.KYIV);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(AppClock.KYIV);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(AppClock.KYIV);

    /** A file's size as people read it: 599 Б, 12 КБ, 3,4 МБ (in English 599 B, 12 KB, 3.4 MB). */
    public String fileSize(long bytes) {
        boolean english = english();
        if (bytes < 1024) {
            return bytes + (english ? " B" : " Б");
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + (english ? " KB" : " КБ");
        }
        String megabytes = String.format(english ? Locale.ENGLISH : UKRAINIAN, "%.1f", bytes / (1024.0 * 1024.0));
        return megabytes + (english ? " MB" : " МБ");
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : (english() ? EN_DATE_TIME : UK_DATE_TIME).format(instant);
    }

    public String dateTime(Date date) {
        return date == null ? "" : dateTime(date.toInstant());
    }

    public String date(Instant instant) {
        return instant == null ? "" : (english() ? EN_DATE : UK_DATE).format(instant);
    }

    public String date(LocalDate day) {
        return day == null ? "" : (english() ? EN_DATE : UK_DATE).format(day);
    }

    public String date(Date date) {
        return date == null ? "" : date(date.toInstant());
    }

    /** A span of days, such as a meetup's date window or a role's term. */
    public String days(LocalDate from, LocalDate to) {
        return date(from) + " — " + date(to);
    }

    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm").withZone(AppClock.KYIV).format(instant);
    }

    /** A meetup's or event's start and end on one day, with the time zone said. */
    public String span(Instant start, Instant end) {
        return dateTime(start) + "–" + time(end) + (english() ? " (Kyiv time)" : " (за київським часом)");
    }

    /** A moment as a machine reads it, for {@code <time datetime>}: ISO 8601 with Kyiv's offset. */
    public String machine(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(AppClock.KYIV).format(instant);
    }

    public String isoDate(Instant instant) {
        return instant == null ? "" : ISO_DATE.format(instant);
    }

    /** An amount with two decimals and its currency (EUR, UAH). */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return english() ? currency + " " + number(amount, Locale.ENGLISH, ',') : number(amount, UKRAINIAN, '\u00a0') + " "
                + currency;
    }

    public String money(Number amount, String currency) {
        return amount == null ? "" : money(new BigDecimal(amount.toString()), currency);
    }

    /** A whole number with the language's thousands separator. */
    public String count(Number number) {
        if (number == null) {
            return "";
        }
        DecimalFormat format = format(english() ? Locale.ENGLISH : UKRAINIAN, english() ? ',' : '\u00a0', "#,##0");
        return format.format(number);
    }

    private static String number(BigDecimal amount, Locale locale, char grouping) {
        return format(locale, grouping, "#,##0.00").format(amount);
    }

    private static DecimalFormat format(Locale locale, char grouping, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(locale == Locale.ENGLISH ? '.' : ',');
        return new DecimalFormat(pattern, symbols);
    }

    /** Renders something (a mail, a document) for a reader of another language than the person acting. */
    public static <T> T inLanguage(Locale locale, Supplier<T> render) {
        LocaleContext acting = LocaleContextHolder.getLocaleContext();
        try {
            LocaleContextHolder.setLocale(locale);
            return render.get();
        } finally {
            LocaleContextHolder.setLocaleContext(acting);
        }
    }

    private static boolean english() {
        return LocaleContextHolder.getLocaleContext() != null && "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
