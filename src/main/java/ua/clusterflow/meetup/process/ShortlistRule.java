package ua.clusterflow.meetup;

import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import ua.clusterflow.tasklist.FormRule;
import ua.clusterflow.tasklist.FormSubmission;

/** The seeds' rule for a meetup's experts: at least three, from at least two kinds of participants. */
@Component
public class ShortlistRule implements FormRule {

    public static final int MIN_EXPERTS = 3;
    public static final int MIN_CATEGORIES = 2;
    public static final int SLOTS = 6;

    @Override
    public String formId() {
        return "meetup-shortlist";
    }

    @Override
    public void check(FormSubmission submission, String businessKey) {
        int experts = 0;
        Set<String> categories = new HashSet<>();
        for (int slot = 1; slot <= SLOTS; slot++) {
            if (submission.text("expert" + slot + "Name") != null && submission.text("expert" + slot + "Email") != null
                    && submission.text("expert" + slot + "Category") != null) {
                experts++;
                categories.add(submission.text("expert" + slot + "Category"));
            }
        }
        if (experts < MIN_EXPERTS) {
            submission.reject("expert1Name", "meetup.error.experts", MIN_EXPERTS);
        } else if (categories.size() < MIN_CATEGORIES) {
            submission.reject("expert1Category", "meetup.error.categories", MIN_CATEGORIES);
        }
    }
}
