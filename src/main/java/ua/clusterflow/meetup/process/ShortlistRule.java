package ua.clusterflow.meetup.process;

import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.meetup.process.MeetupProcess.ExpertField;
import ua.clusterflow.tasklist.FormRule;
import ua.clusterflow.tasklist.FormSubmission;

/** The seeds' rule for a meetup's experts: at least three, from at least two kinds of participants. */
@Component
public class ShortlistRule implements FormRule {

    @Override
    public String formId() {
        return "meetup-shortlist";
    }

    @Override
    public void check(FormSubmission submission, String businessKey) {
        int experts = 0;
        Set<String> categories = new HashSet<>();
        for (int slot = 1; slot <= ExpertField.SLOTS; slot++) {
            if (submission.text(ExpertField.NAME.of(slot)) != null && submission.text(ExpertField.EMAIL.of(slot)) != null
                    && submission.text(ExpertField.CATEGORY.of(slot)) != null) {
                experts++;
                categories.add(submission.text(ExpertField.CATEGORY.of(slot)));
            }
        }
        if (experts < MeetupService.MIN_EXPERTS) {
            submission.reject(ExpertField.NAME.of(1), "meetup.error.experts", MeetupService.MIN_EXPERTS);
        } else if (categories.size() < MeetupService.MIN_CATEGORIES) {
            submission.reject(ExpertField.CATEGORY.of(1), "meetup.error.categories", MeetupService.MIN_CATEGORIES);
        }
    }
}
