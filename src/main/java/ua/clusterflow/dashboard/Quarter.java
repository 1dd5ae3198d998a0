package ua.clusterflow.dashboard;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, e.g. 2026-Q4: what the services and the quarterly report are counted by. */
public record Quarter(int year, int number) {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter a label such as "2026-Q4" names, or nothing for anything else. */
    public static Optional<Quarter> parse(String label) {
        Matcher m = label == null ? null : LABEL.matcher(label.trim());
        return m != null && m.matches()
                ? Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    /** The first day after the quarter. */
    public LocalDate end() {
        return start().plusMonths(3);
    }

    public Quarter minus(int quarters) {
        return of(start().minusMonths(3L * quarters));
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
