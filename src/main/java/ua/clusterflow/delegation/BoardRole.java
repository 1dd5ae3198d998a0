package ua.clusterflow.delegation;

import java.util.Locale;

/** A function the board hands out, and the group its holder joins while the term runs (if any). */
public record BoardRole(String clusterId, String code, String nameUk, String nameEn, String rights) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }
}
