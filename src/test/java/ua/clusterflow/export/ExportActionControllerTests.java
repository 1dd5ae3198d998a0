package ua.clusterflow.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.export.process.ExportActionProcess;

/**
 * The export action pages over HTTP: a coordinator announces (bad input beside its field, what was typed kept), a
 * member's contact applies once for the organisation (a bad code explained, a second click changes nothing), the staff
 * see the applicants and the member does not see the others; a member cannot announce.
 */
class ExportActionControllerTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ExportActionRepository actions;

    @Test
    void aCoordinatorAnnouncesAndBadInputIsExplainedBesideItsField() throws Exception {
        mvc.perform(announcement("olena", "title", "Hannover Messe", "markets", "Німеччина",
                        "joinDeadline", AppClock.today().minusDays(1).toString(), "places", "0"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-markets\"")))
                .andExpect(content().string(containsString("id=\"e-joinDeadline\"")))
                .andExpect(content().string(containsString("id=\"e-places\"")))
                .andExpect(content().string(containsString("value=\"Hannover Messe\"")));
        String location = mvc.perform(announcement("olena", "title", "Industrial Fair Warsaw"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "export.announced"))
                .andReturn().getResponse().getRedirectedUrl();
        String reference = location.substring(location.lastIndexOf('/') + 1);
        assertThat(actions.byReference(reference).orElseThrow().status()).isEqualTo(ExportAction.Status.OPEN);
        mvc.perform(get("/export-actions").with(as("nadia")))
                .andExpect(content().string(containsString("data-action=\"" + reference + "\"")))
                .andExpect(content().string(not(containsString("id=\"announce-kharkiv\""))));
        mvc.perform(get("/export-actions/new").param("cluster", "kharkiv").with(as("nadia")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMembersContactAppliesOnceAndOnlyTheStaffSeeTheApplicants() throws Exception {
        String location = mvc.perform(announcement("olena", "title", "Buyers from Poland"))
                .andReturn().getResponse().getRedirectedUrl();
        String reference = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get(location).with(as("nadia"))).andExpect(content().string(containsString("id=\"apply-form\"")));
        mvc.perform(post(location + "/apply").with(as("nadia")).with(csrf()).param("products", "Датчики тиску")
                        .param("productCodes", "90-26").param("readiness", "4"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-productCodes\"")))
                .andExpect(content().string(containsString("Датчики тиску")));
        mvc.perform(post(location + "/apply").with(as("nadia")).with(csrf()).param("products", "Датчики тиску")
                        .param("productCodes", "9026 20").param("certificates", "CE").param("readiness", "4"))
                .andExpect(flash().attribute("message", "export.applied"));
        mvc.perform(post(location + "/apply").with(as("nadia")).with(csrf()).param("products", "Ще раз")
                        .param("productCodes", "9026").param("readiness", "4"))
                .andExpect(flash().attribute("message", "export.appliedBefore"));
        long action = actions.byReference(reference).orElseThrow().id();
        assertThat(actions.applications(action)).singleElement()
                .satisfies(a -> assertThat(a.productCodes()).isEqualTo("902620"));
        mvc.perform(get(location).with(as("nadia")))
                .andExpect(content().string(containsString("id=\"own-application\"")))
                .andExpect(content().string(not(containsString("id=\"applicants\""))));
        mvc.perform(get(location).with(as("petro")))
                .andExpect(content().string(containsString("id=\"applicants\"")));
    }

    @Test
    void theSelectionOnTheTaskPageIsCheckedAgainstTheActionAndThenTellsTheApplicant() throws Exception {
        startAtNoonInKyiv();
        String location = mvc.perform(announcement("olena", "title", "Catalogue 2027", "places", "1",
                "minParticipants", "1")).andReturn().getResponse().getRedirectedUrl();
        String reference = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post(location + "/apply").with(as("nadia")).with(csrf()).param("products", "Датчики")
                .param("productCodes", "9026").param("readiness", "3"));
        moveClock(Duration.ofDays(15));
        fireTimer(instance(reference, ExportActionProcess.KEY).getId(), ExportActionProcess.TIMER_JOIN_DEADLINE);
        String task = task(reference, ExportActionProcess.TASK_SELECT).getId();
        String applied = String.valueOf(actions.applications(actions.byReference(reference).orElseThrow().id())
                .get(0).id());
        mvc.perform(get("/tasks/" + task).with(as("olena")))
                .andExpect(content().string(containsString("ТОВ «Промавтоматика» · 3/5 · 9026")));
        mvc.perform(post("/tasks/" + task).with(as("olena")).with(csrf()).param("selected", applied)
                        .param("waiting", applied).param("selectionNote", "—"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-waiting\"")));
        mvc.perform(post("/tasks/" + task).with(as("olena")).with(csrf()).param("selected", applied)
                        .param("selectionNote", "Одне місце"))
                .andExpect(status().is3xxRedirection());
        assertThat(actions.byReference(reference).orElseThrow().status()).isEqualTo(ExportAction.Status.SELECTED);
        assertThat(subjectsTo("nadia@clusterflow.local")).contains("Вас обрано учасником: Catalogue 2027");
    }

    /** The announcement's request with its fields filled in well, but for the ones given as name, value pairs. */
    private MockHttpServletRequestBuilder announcement(String user, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "MISSION");
        fields.put("title", "Mission");
        fields.put("markets", "PL, de");
        fields.put("place", "Варшава");
        fields.put("joinDeadline", AppClock.today().plusDays(14).toString());
        fields.put("startsOn", AppClock.today().plusDays(30).toString());
        fields.put("endsOn", AppClock.today().plusDays(32).toString());
        fields.put("clusterCost", "12000");
        fields.put("participantFee", "4000,50");
        fields.put("places", "6");
        fields.put("minParticipants", "2");
        fields.put("selectionRule", "Готовність до експорту 3 і вище");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/export-actions/new").param("cluster", "kharkiv");
        fields.forEach(request::param);
        return request.with(as(user)).with(csrf());
    }
}
