package ua.clusterflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.OrganisationPerson;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * Two records of one organisation, one that came through onboarding and one typed in again with a mistyped code, are
 * merged by a coordinator: the kept record takes the other's year, history and people, the other leaves the register
 * and the engine; a record with a case in progress is not merged.
 */
class OrganisationMergeTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired MembershipService membership;
    @Autowired ClusterDirectory directory;
    @Autowired CaseRepository cases;

    @Test
    void twoRecordsOfOneOrganisationBecomeTheOneKept() throws Exception {
        String edrpou = newEdrpou();
        OnboardingApplication app = CaseSteps.onboard(onboarding, tasks, "kharkiv", applicationValues(
                "ТОВ «Злиття " + edrpou + "»", edrpou, "zlyttia-" + edrpou + "@example.com"), "olena",
                List.of("petro", "iryna", "andriy"), true);
        long kept = jdbc.sql("select id from member_organisation where edrpou = ?").param(edrpou).query(Long.class)
                .single();
        String twinContact = "zlyttia-b-" + edrpou;
        directory.createPerson(twinContact, "Марта", "Двійникова", twinContact + "@example.com", "uk", null);
        long twin = organisations.insert(new MemberOrganisation(null, "kharkiv", "ТОВ Злиття (дубль)", newEdrpou(), "sme",
                "other", 30, "Харківська", null, null, twinContact, null, null, AppClock.now()), "imported");
        LocalDate twinPaidUntil = AppClock.today().plusYears(2);
        String twinYear = membership.bringIn(twin, twinPaidUntil);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(twinYear).count()).isOne();

        mvc.perform(get("/members/" + kept).with(as("olena")))
                .andExpect(content().string(containsString("id=\"merge-record\"")));
        mvc.perform(post("/members/" + kept + "/merge").with(as("olena")).with(csrf()).param("other", String.valueOf(twin)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-reason\"")));
        mvc.perform(post("/members/" + kept + "/merge").with(as("nadia")).with(csrf()).param("other", String.valueOf(twin))
                        .param("reason", "Чуже"))
                .andExpect(status().is4xxClientError());

        // a third record with a grant case in progress is not merged
        long busy = organisations.insert(new MemberOrganisation(null, "kharkiv", "ТОВ Зайнятий дубль", newEdrpou(), "sme",
                "other", 5, "Харківська", null, null, null, null, null, AppClock.now()), "imported");
        cases.insert(new CaseRecord("GR-MERGE-" + edrpou, "kharkiv", "GrantApplication", "Грант у роботі", "SUBMITTED",
                busy, "olena", null, null));
        mvc.perform(post("/members/" + kept + "/merge").with(as("olena")).with(csrf()).param("other", String.valueOf(busy))
                        .param("reason", "Дубль"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("GR-MERGE-" + edrpou)));
        assertThat(organisations.find(busy)).isPresent();

        mvc.perform(post("/members/" + kept + "/merge").with(as("olena")).with(csrf()).param("other", String.valueOf(twin))
                        .param("reason", "Внесено двічі"))
                .andExpect(redirectedUrl("/members/" + kept));

        assertThat(organisations.find(twin)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(twinYear).count()).isZero();
        CaseRecord year = cases.find(twinYear).orElseThrow();
        assertThat(year.organisationId()).isEqualTo(kept);
        assertThat(year.closed()).isTrue();
        assertThat(cases.find(app.reference()).orElseThrow().organisationId()).isEqualTo(kept);
        assertThat(organisations.people(kept)).contains(new OrganisationPerson(twinContact, OrganisationRole.OTHER))
                .filteredOn(p -> p.role() == OrganisationRole.MAIN).hasSize(1);
        assertThat(organisations.find(kept).orElseThrow().paidUntil()).isEqualTo(twinPaidUntil);
        assertThat(jdbc.sql("select count(*) from membership_event where organisation_id = ? and reason = 'imported'")
                .param(kept).query(Long.class).single()).as("the other's history moved with it").isOne();
        mvc.perform(get("/members/" + kept).with(as("olena")))
                .andExpect(content().string(containsString("Об’єднано з іншим записом: ТОВ Злиття (дубль)")));
    }
}
