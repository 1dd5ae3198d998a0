package ua.clusterflow.base;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * An amount of hryvnias written out as an invoice says it: "дванадцять тисяч гривень 00 копійок", "twelve thousand
 * hryvnias 00 kopiykas". The words are ICU's spell-out rules (feminine in Ukrainian, as гривня is); the currency's
 * form follows the language's plural rules.
 */
public final class AmountInWords {

    private static final ULocale UKRAINIAN = new ULocale("uk");
    private static final Map<String, String> HRYVNIA_UK = Map.of("one", "гривня", "few", "гривні", "many", "гривень",
            "other", "гривні");
    private static final Map<String, String> KOPIYKA_UK = Map.of("one", "копійка", "few", "копійки", "many", "копійок",
            "other", "копійки");

    private AmountInWords() {
    }

    /** Hryvnias and kopiykas in words and figures, in Ukrainian or (for any other language) English. */
    public static String hryvnias(BigDecimal amount, Locale locale) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        long whole = rounded.longValue();
        int cents = rounded.subtract(BigDecimal.valueOf(whole)).movePointRight(2).intValue();
        String kopiykas = String.format("%02d", cents);
        if ("uk".equals(locale.getLanguage())) {
            RuleBasedNumberFormat words = new RuleBasedNumberFormat(UKRAINIAN, RuleBasedNumberFormat.SPELLOUT);
            String spelled = words.format(whole, "%spellout-cardinal-feminine");
            PluralRules plural = PluralRules.forLocale(UKRAINIAN);
            return spelled + " " + HRYVNIA_UK.get(plural.select(whole)) + " " + kopiykas + " "
                    + KOPIYKA_UK.get(plural.select(cents));
        }
        RuleBasedNumberFormat words = new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT);
        return words.format(whole) + (whole == 1 ? " hryvnia " : " hryvnias ") + kopiykas
                + (cents == 1 ? " kopiyka" : " kopiykas");
    }
}
