package ua.clusterflow.base;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A line of a case's history as stored: words someone typed, with amounts, days, counts and named outcomes kept as
 * marks ({@code ⟦money|60000.00|UAH⟧}) that are written out when the line is read, in the reader's language and format
 * ("60 000,00 UAH" or "UAH 60,000.00"). Used by templates as {@code @details}.
 */
@Component("details")
public class Detail {

    private static final Pattern MARK = Pattern.compile("⟦(money|date|text|tally)\\|([^⟧]*)⟧");

    private final MessageSource messages;
    private final Formats formats;

    public Detail(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public static String money(BigDecimal amount, String currency) {
        return amount == null ? "" : "⟦money|" + amount.toPlainString() + "|" + currency + "⟧";
    }

    public static String date(LocalDate day) {
        return day == null ? "" : "⟦date|" + day + "⟧";
    }

    /** A named thing (a fee category, an outcome) by its message key, the key's last part where none is found. */
    public static String text(String key) {
        return "⟦text|" + key + "⟧";
    }

    /** A named thing (a step of a model) by its message key, or in the words given where the key has none. */
    public static String text(String key, String otherwise) {
        return otherwise == null ? text(key) : "⟦text|" + key + "|" + otherwise.replace("|", "/").replace("⟧", "") + "⟧";
    }

    /** A vote's count: for, against, abstained. */
    public static String tally(int approvals, int rejections, int abstentions) {
        return "⟦tally|" + approvals + "|" + rejections + "|" + abstentions + "⟧";
    }

    /** A stored line written out for the reader; a line without marks as it was stored. */
    public String render(String stored) {
        if (stored == null || stored.indexOf('⟦') < 0) {
            return stored;
        }
        Locale locale = LocaleContextHolder.getLocale();
        Matcher mark = MARK.matcher(stored);
        StringBuilder out = new StringBuilder();
        while (mark.find()) {
            String[] parts = mark.group(2).split("\\|");
            String text = switch (mark.group(1)) {
                case "money" -> formats.money(new BigDecimal(parts[0]), parts[1]);
                case "date" -> formats.date(LocalDate.parse(parts[0]));
                case "tally" -> messages.getMessage("event.tally", new Object[] {parts[0], parts[1], parts[2]}, locale);
                default -> messages.getMessage(parts[0], null,
                        parts.length > 1 ? parts[1] : parts[0].substring(parts[0].lastIndexOf('.') + 1), locale);
            };
            mark.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        mark.appendTail(out);
        return out.toString();
    }
}
