package ua.clusterflow.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.OrganisationPerson;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * Two records of one organisation (typed twice, imported beside its application) made one: the record kept takes the
 * other's cases, invoices, dues, history and people, the other's open membership year ends, and the other record goes.
 * Not while the other has a case in progress besides its membership year, or dues for a year the kept one has too.
 */
@Service
public class OrganisationMerge {

    /**
     * Tables merged by their own rules (people, once each), not at all (the organisation itself), or left behind (what
     * an import brought in: an import whose organisation was merged is no longer undone).
     */
    private static final Set<String> OWN_RULES = Set.of("organisation_person", "member_organisation",
            "member_import_organisation");

    private final JdbcClient jdbc;
    private final MemberOrganisationRepository organisations;
    private final Memberships memberships;
    private final MembershipYears years;
    private final CaseRepository cases;

    public OrganisationMerge(JdbcClient jdbc, MemberOrganisationRepository organisations, Memberships memberships,
                             MembershipYears years, CaseRepository cases) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.memberships = memberships;
        this.years = years;
        this.cases = cases;
    }

    /** What stands in the way of merging {@code gone} into {@code kept}, as errors of the form's fields. */
    public FieldErrors check(MemberOrganisation kept, MemberOrganisation gone, String reason) {
        FieldErrors errors = new FieldErrors().required("reason", reason, 500);
        if (gone == null || gone.id() == kept.id() || !gone.clusterId().equals(kept.clusterId())) {
            return errors.reject("other", "error.required");
        }
        for (String key : jdbc.sql("""
                        select business_key from case_record where organisation_id = ? and closed_at is null
                        and process_key <> ? order by business_key""")
                .params(gone.id(), MembershipYears.PROCESS_KEY).query(String.class).list()) {
            errors.reject("other", "members.merge.openCase", key);
            return errors;
        }
        for (LocalDate year : jdbc.sql("""
                        select year_from from membership_dues where organisation_id = ?
                        and year_from in (select year_from from membership_dues where organisation_id = ?)""")
                .params(gone.id(), kept.id()).query(LocalDate.class).list()) {
            errors.reject("other", "members.merge.duesYear", year);
            return errors;
        }
        return errors;
    }

    /** Merges {@code gone} into {@code kept}; false (nothing changed) when a check fails now. */
    @Transactional
    public boolean merge(MemberOrganisation kept, MemberOrganisation gone, String reason, String by) {
        if (!check(kept, gone, reason).isEmpty()) {
            return false;
        }
        years.endOtherYears(gone.id(), "", "merged into " + kept.id());
        for (String key : jdbc.sql("select business_key from case_record where organisation_id = ? and closed_at is null")
                .param(gone.id()).query(String.class).list()) {
            cases.find(key).ifPresent(c -> cases.updateStatus(key, c.status(), true));
        }
        boolean keptHasMain = organisations.people(kept.id()).stream().anyMatch(p -> p.role() == OrganisationRole.MAIN);
        for (OrganisationPerson person : organisations.people(gone.id())) {
            if (organisations.people(kept.id()).stream().noneMatch(p -> p.userId().equals(person.userId()))) {
                organisations.addPerson(kept.id(), person.userId(),
                        person.role() == OrganisationRole.MAIN && keptHasMain ? OrganisationRole.OTHER : person.role());
            }
        }
        for (String column : organisations.namingColumns()) {
            if (OWN_RULES.contains(column.substring(0, column.indexOf('.')))) {
                continue;
            }
            String[] parts = column.split("\\.");
            jdbc.sql("update \"" + parts[0] + "\" set \"" + parts[1] + "\" = ? where \"" + parts[1] + "\" = ?")
                    .params(kept.id(), gone.id()).update();
        }
        if (gone.paidUntil() != null && (kept.paidUntil() == null || gone.paidUntil().isAfter(kept.paidUntil()))) {
            memberships.setPaidUntil(kept.id(), gone.paidUntil());
        }
        memberships.addEvent(kept.id(), kept.status(), AppClock.today(), "merged:" + gone.name() + " ("
                + gone.edrpou() + ") (" + reason.strip() + ")", by);
        jdbc.sql("delete from member_import_organisation where organisation_id = ?").param(gone.id()).update();
        organisations.delete(gone.id());
        return true;
    }
}
