package ua.clusterflow.meetup.process;

import static ua.clusterflow.meetup.process.MeetupProcess.*;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import ua.clusterflow.engine.SlotVariable;
import ua.clusterflow.meetup.MeetupService;

/** The service steps of {@code tech-meetup.bpmn}, each mapping the case's variables to one service call. */
@Configuration(proxyBeanMethods = false)
public class MeetupDelegates {

    private final MeetupService meetups;
    private final MeetupEngine engine;

    MeetupDelegates(MeetupService meetups, MeetupEngine engine) {
        this.meetups = meetups;
        this.engine = engine;
    }

    /** The experts who answer, for the multi-instance subprocess: {@code ${meetupExperts.of(execution)}}. */
    @Component("meetupExperts")
    public static class MeetupExperts {
        private final MeetupService meetups;

        public MeetupExperts(MeetupService meetups) {
            this.meetups = meetups;
        }

        public List<Long> of(DelegateExecution execution) {
            return meetups.currentExperts(meetupId(execution));
        }
    }

    @Bean
    JavaDelegate decideApproverDelegate() {
        return execution -> {
            MeetupService.Plan plan = new MeetupService.Plan(MEETUP_DATE.from(execution),
                    LocalTime.parse(START_TIME.filledIn(execution)), DURATION_HOURS.from(execution, 0),
                    VENUE.filledIn(execution), ONLINE_LINK.filledIn(execution), CAPACITY_OFFLINE.from(execution, 0),
                    CAPACITY_ONLINE.from(execution, 0), BUDGET.from(execution));
            meetups.recordPlan(meetupId(execution), plan);
            APPROVER.set(execution, engine.approver(plan.budget()));
        };
    }

    @Bean
    JavaDelegate meetupNotApprovedDelegate() {
        return execution -> meetups.notApproved(meetupId(execution), APPROVAL_COMMENT.filledIn(execution));
    }

    @Bean
    JavaDelegate inviteExpertsDelegate() {
        return execution -> {
            List<MeetupService.Expert> experts = new ArrayList<>();
            for (int slot = 1; slot <= EXPERT_SLOTS; slot++) {
                String name = EXPERT_NAME.in(slot).filledIn(execution);
                String email = EXPERT_EMAIL.in(slot).filledIn(execution);
                String category = EXPERT_CATEGORY.in(slot).filledIn(execution);
                String language = EXPERT_LANGUAGE.in(slot).filledIn(execution);
                if (name != null && email != null && category != null) {
                    experts.add(new MeetupService.Expert(name, email, category, "en".equals(language) ? "en" : "uk"));
                }
                for (SlotVariable field : EXPERT_FIELDS) {
                    execution.removeVariable(field.name(slot));
                }
            }
            meetups.inviteExperts(meetupId(execution), experts);
        };
    }

    @Bean
    JavaDelegate remindExpertDelegate() {
        return execution -> meetups.remindExpert(EXPERT_ID.from(execution));
    }

    @Bean
    JavaDelegate expertDeclinedByDeadlineDelegate() {
        return execution -> meetups.declinedByDeadline(EXPERT_ID.from(execution));
    }

    @Bean
    JavaDelegate countAcceptancesDelegate() {
        return execution -> ENOUGH_EXPERTS.set(execution, meetups.enoughExperts(meetupId(execution)));
    }

    @Bean
    JavaDelegate announceMeetupDelegate() {
        return execution -> {
            MeetupService.Moments moments = meetups.announce(meetupId(execution));
            DAY_BEFORE.set(execution, moments.dayBefore());
            ENDS_AT.set(execution, moments.endsAt());
        };
    }

    @Bean
    JavaDelegate remindParticipantsDelegate() {
        return execution -> meetups.remindParticipants(meetupId(execution));
    }

    @Bean
    JavaDelegate sendMeetupReportDelegate() {
        return execution -> meetups.report(meetupId(execution), ATTENDANCE.from(execution, 0),
                SUMMARY.filledIn(execution), AGENDA_ITEMS.filledIn(execution), FOLLOW_UPS.filledIn(execution));
    }

    @Bean
    JavaDelegate notifyCancellationDelegate() {
        return execution -> meetups.notifyCancellation(meetupId(execution));
    }

    static long meetupId(DelegateExecution execution) {
        return MEETUP_ID.from(execution);
    }
}
