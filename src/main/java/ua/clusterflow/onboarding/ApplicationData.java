package ua.clusterflow.onboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ua.clusterflow.tasklist.FormSubmission;

/** What the application form asks of an organisation; the keys are those of {@code forms/member-onboarding/member-onboarding-application.form}. */
public record ApplicationData(String name, String edrpou, String category, String sectors, int headcount,
                              String region, String contactName, String contactEmail, String contactPhone,
                              String offers, String needs) {

    public static final String UPLOAD_EXTRACT = "registrationExtract";

    public static ApplicationData from(FormSubmission form) {
        Object headcount = form.values().get("headcount");
        return new ApplicationData(form.text("organisationName"), form.text("edrpou"), form.text("category"),
                form.text("sectors"), headcount == null ? 0 : ((Number) headcount).intValue(), form.text("region"),
                form.text("contactName"), form.text("contactEmail").toLowerCase(), form.text("contactPhone"),
                form.text("offers"), form.text("needs"));
    }

    /** The form's values, to show an application again for amendment. */
    public static Map<String, Object> formValues(OnboardingApplication a) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("organisationName", a.name());
        values.put("edrpou", a.edrpou());
        values.put("category", a.category());
        values.put("sectors", a.sectors() == null ? List.of() : List.of(a.sectors().split(",")));
        values.put("headcount", a.headcount());
        values.put("region", a.region());
        values.put("contactName", a.contactName());
        values.put("contactEmail", a.contactEmail());
        values.put("contactPhone", a.contactPhone());
        values.put("offers", a.offers());
        values.put("needs", a.needs());
        values.put("consent", true);
        return values;
    }
}
