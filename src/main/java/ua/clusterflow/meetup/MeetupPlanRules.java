package ua.clusterflow.meetup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.tasklist.FormRule;

/**
 * A meetup's plan and outcome checked against the meetup: a place for those who come, a link for those who join
 * online, and no more attendance than there were places.
 */
@Configuration(proxyBeanMethods = false)
public class MeetupPlanRules {

    @Bean
    FormRule meetupPlanRule(MeetupRepository meetups) {
        return FormRule.ofCase("meetup-plan", (submission, businessKey) -> meetups.byReference(businessKey).ifPresent(m -> {
            if (m.modes().contains("offline") && submission.text("venue") == null) {
                submission.reject("venue", "meetup.error.venueNeeded");
            }
            if (m.modes().contains("online") && submission.text("onlineLink") == null) {
                submission.reject("onlineLink", "meetup.error.linkNeeded");
            }
        }));
    }

    @Bean
    FormRule meetupOutcomeRule(MeetupRepository meetups) {
        return FormRule.ofCase("meetup-outcome", (submission, businessKey) -> meetups.byReference(businessKey).ifPresent(m -> {
            int places = m.modes().stream().mapToInt(m::capacity).sum();
            if (submission.values().get("attendance") instanceof Number attendance && attendance.intValue() > places) {
                submission.reject("attendance", "meetup.error.attendanceOverPlaces", places);
            }
        }));
    }
}
