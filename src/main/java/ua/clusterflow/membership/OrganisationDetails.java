package ua.clusterflow.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;

/**
 * What the register says about an organisation (its name, EDRPOU code, category, region and headcount), corrected
 * by a coordinator: a name a spreadsheet mangled, a code mistyped at import, a category that changed. Each change
 * goes into the organisation's history with what it was before.
 */
@Service
public class OrganisationDetails {

    /** The fields of the form, in its order. */
    public static final List<String> FIELDS = List.of("name", "edrpou", "category", "sectors", "region", "headcount");
    /** The sectors of the application form, as their codes (a member's are kept comma-separated). */
    public static final List<String> SECTORS = List.of("engineering", "automation", "machinebuilding", "it", "other");

    private final MemberOrganisationRepository organisations;
    private final Memberships memberships;

    public OrganisationDetails(MemberOrganisationRepository organisations, Memberships memberships) {
        this.organisations = organisations;
        this.memberships = memberships;
    }

    /** What the form shows before anything is typed: the organisation as the register has it. */
    public static Map<String, String> typed(MemberOrganisation org) {
        return Map.of("name", org.name(), "edrpou", org.edrpou(), "category", org.category(),
                "sectors", org.sectors() == null ? "" : org.sectors(),
                "region", org.region() == null ? "" : org.region(), "headcount", String.valueOf(org.headcount()));
    }

    /**
     * The fields someone else changed since the person read the form ({@code was}: the values as the form showed
     * them), each with its value in the register now; empty when nobody did.
     */
    public static Map<String, String> changedMeanwhile(MemberOrganisation now, Map<String, String> was) {
        Map<String, String> current = typed(now);
        Map<String, String> changed = new java.util.LinkedHashMap<>();
        for (String field : FIELDS) {
            if (was.containsKey(field) && !Objects.equals(was.get(field).strip(), current.get(field))) {
                changed.put(field, current.get(field));
            }
        }
        return changed;
    }

    /** What is wrong with the typed details, field by field. */
    public FieldErrors check(MemberOrganisation org, Map<String, String> typed) {
        FieldErrors errors = new FieldErrors().required("name", typed.get("name"), 300)
                .maxLength("region", typed.get("region"), 100);
        if (MemberImport.looksLikeAFormula(typed.get("name").strip())) {
            errors.reject("name", "members.import.error.formula");
        }
        String edrpou = Edrpou.normalise(typed.get("edrpou"));
        if (!Edrpou.isValid(edrpou)) {
            errors.reject("edrpou", "error.edrpou");
        } else if (organisations.edrpouTaken(org.clusterId(), edrpou, org.id())) {
            errors.reject("edrpou", "members.details.edrpouTaken");
        }
        if (!MemberSheet.CATEGORIES.contains(typed.get("category"))) {
            errors.reject("category", "error.required");
        }
        List<String> sectors = sectors(typed.getOrDefault("sectors", ""));
        if (sectors.isEmpty() || !SECTORS.containsAll(sectors)) {
            errors.reject("sectors", "error.required");
        }
        String headcount = typed.get("headcount").strip();
        if (!headcount.matches("\\d{1,7}") || Integer.parseInt(headcount) < 1) {
            errors.reject("headcount", "error.integer");
        }
        errors.maxLength("reason", typed.getOrDefault("reason", ""), 500);
        return errors;
    }

    /**
     * Stores checked details over the organisation as the person read it; the history names each field that changed,
     * with its old value, and the reason given. False (nothing stored) when someone changed the details meanwhile.
     */
    @Transactional
    public boolean save(MemberOrganisation org, Map<String, String> typed, String actor) {
        String name = typed.get("name").strip();
        String edrpou = Edrpou.normalise(typed.get("edrpou"));
        String region = typed.get("region").strip();
        int headcount = Integer.parseInt(typed.get("headcount").strip());
        List<String> changed = new ArrayList<>();
        note(changed, org.name(), name);
        note(changed, org.edrpou(), edrpou);
        note(changed, org.category(), typed.get("category"));
        String sectors = String.join(",", sectors(typed.get("sectors")));
        note(changed, org.sectors() == null ? "" : org.sectors(), sectors);
        note(changed, org.region() == null ? "" : org.region(), region);
        note(changed, String.valueOf(org.headcount()), String.valueOf(headcount));
        if (changed.isEmpty()) {
            return true;
        }
        if (!organisations.updateDetails(org, name, edrpou, typed.get("category"), sectors, region, headcount)) {
            return false;
        }
        String reason = typed.getOrDefault("reason", "").strip();
        memberships.addEvent(org.id(), org.status(), AppClock.today(),
                "details-changed:" + String.join("; ", changed) + (reason.isEmpty() ? "" : " (" + reason + ")"), actor);
        return true;
    }

    /** The sectors ticked, in the form's order, each once. */
    public static List<String> sectors(String typed) {
        List<String> ticked = List.of(typed == null ? new String[0] : typed.split(","));
        return SECTORS.stream().filter(ticked::contains).toList();
    }

    private static void note(List<String> changed, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.add((before.isEmpty() ? "—" : before) + " → " + (after.isEmpty() ? "—" : after));
        }
    }
}
