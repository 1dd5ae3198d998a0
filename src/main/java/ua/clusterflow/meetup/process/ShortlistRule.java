package ua.clusterflow.meetup.process;

import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import ua.clusterflow.meetup.MeetupService;
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
        for (int slot = 1; slot <= MeetupProcess.EXPERT_SLOTS; slot++) {
            if (submission.text(MeetupProcess.EXPERT_NAME.name(slot)) != null && submission.text(MeetupProcess.EXPERT_EMAIL.name(slot)) != null
                    && submission.text(MeetupProcess.EXPERT_CATEGORY.name(slot)) != null) {
                experts++;
                categories.add(submission.text(MeetupProcess.EXPERT_CATEGORY.name(slot)));
            }
        }
        if (experts < MeetupService.MIN_EXPERTS) {
            submission.reject(MeetupProcess.EXPERT_NAME.name(1), "meetup.error.experts", MeetupService.MIN_EXPERTS);
        } else if (categories.size() < MeetupService.MIN_CATEGORIES) {
            submission.reject(MeetupProcess.EXPERT_CATEGORY.name(1), "meetup.error.categories", MeetupService.MIN_CATEGORIES);
        }
    }
}
