package ua.clusterflow.grant;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.clusterflow.base.AppClock;

/** A member's grant application as the pages take it: a new draft, and the form posted with its fields. */
public final class GrantForms {

    private GrantForms() {
    }

    /** Starts a new draft as the member and gives back its reference. */
    public static String newDraft(MockMvc mvc, RequestPostProcessor member) throws Exception {
        String location = mvc.perform(post("/grants").with(member).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.replaceAll(".*/(GRA-\\d+)/edit", "$1");
    }

    /** The grant form filled in completely, with {@code overrides} (name, value, ...) in place of its values. */
    public static MockMultipartHttpServletRequestBuilder form(String reference, int version, String action,
                                                              RequestPostProcessor member, String... overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("programme", "smp");
        values.put("callId", "SMP-COSME-2027-CLUSTERS");
        values.put("callDeadline", AppClock.today().plusDays(60).toString());
        values.put("title", "Цифрові двійники для зварювання");
        values.put("summary", "Кластерний проєкт цифрових двійників");
        values.put("requestedBudget", "400000");
        values.put("coFinancing", "40000");
        values.put("partnerName0", "Politechnika Łódzka");
        values.put("partnerCountry0", "PL");
        values.put("partnerRole0", "Research partner");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder request = multipart("/grants/" + reference);
        values.forEach(request::param);
        request.param("version", String.valueOf(version)).param("action", action);
        request.with(member).with(csrf());
        return request;
    }
}
