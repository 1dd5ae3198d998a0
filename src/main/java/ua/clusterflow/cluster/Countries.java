package ua.clusterflow.cluster;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Countries by ISO code, named in the reader's language, and which of them are EU members. */
public final class Countries {

    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    public record Country(String code, String name, boolean eu) {
    }

    private Countries() {
    }

    public static boolean known(String code) {
        return code != null && KNOWN.contains(code);
    }

    /** The codes of the European Union's member states. */
    public static Set<String> euCodes() {
        return EU;
    }

    public static boolean eu(String code) {
        return EU.contains(code);
    }

    public static String name(String code, Locale locale) {
        return new Locale("", code).getDisplayCountry(locale);
    }

    /** Ukraine first, then the EU, then everyone else, each by name in the reader's alphabet (Є after Е, І after И). */
    public static List<Country> all(Locale locale) {
        Collator alphabet = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, name(code, locale), EU.contains(code)))
                .sorted(Comparator.comparing((Country c) -> !"UA".equals(c.code())).thenComparing(c -> !c.eu())
                        .thenComparing(Country::name, alphabet))
                .toList();
    }
}
