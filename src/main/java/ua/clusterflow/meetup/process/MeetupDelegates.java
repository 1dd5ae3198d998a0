package ua.clusterflow.meetup.process;

import static ua.clusterflow.meetup.process.MeetupProcess.*;
import static ua.clusterflow.tasklist.ProcessVariables.*;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.meetup.ShortlistRule;

/** The service steps of {@code tech-meetup.bpmn}, each mapping the case's variables to one service call. */
@Configuration(proxyBeanMethods = false)
public class MeetupDelegates {

    private final MeetupService meetups;

    public MeetupDelegates(MeetupService meetups) {
        this.meetups = meetups;
    }

    /** The experts who answer, for the multi-instance subprocess: {@code ${meetupExperts.of(execution)}}. */
    @Component("meetupExperts")
    public static class MeetupExperts {
        private final MeetupService meetups;

        public MeetupExperts(MeetupService meetups) {
            this.meetups = meetups;
        }

        public List<String> of(DelegateExecution execution) {
            return meetups.currentExperts(meetupId(execution));
        }
    }

    @Bean
    JavaDelegate decideApproverDelegate() {
        return execution -> {
            Date date = (Date) execution.getVariable("meetupDate");
            MeetupService.Plan plan = new MeetupService.Plan(date.toInstant().atZone(AppClock.KYIV).toLocalDate(),
                    LocalTime.parse(filledIn(execution, "startTime")), number(execution, "durationHours", 0),
                    filledIn(execution, "venue"), filledIn(execution, "onlineLink"), number(execution, "capacityOffline", 0),
                    number(execution, "capacityOnline", 0),
                    BigDecimal.valueOf(((Number) execution.getVariable("budget")).doubleValue()));
            execution.setVariable(APPROVER, meetups.recordPlan(meetupId(execution), plan));
        };
    }

    @Bean
    JavaDelegate meetupNotApprovedDelegate() {
        return execution -> meetups.notApproved(meetupId(execution), filledIn(execution, APPROVAL_COMMENT));
    }

    @Bean
    JavaDelegate inviteExpertsDelegate() {
        return execution -> {
            List<MeetupService.Expert> experts = new ArrayList<>();
            for (int slot = 1; slot <= ShortlistRule.SLOTS; slot++) {
                String name = filledIn(execution, "expert" + slot + "Name");
                String email = filledIn(execution, "expert" + slot + "Email");
                String category = filledIn(execution, "expert" + slot + "Category");
                String language = filledIn(execution, "expert" + slot + "Language");
                if (name != null && email != null && category != null) {
                    experts.add(new MeetupService.Expert(name, email, category, "en".equals(language) ? "en" : "uk"));
                }
                execution.removeVariable("expert" + slot + "Language");
                execution.removeVariable("expert" + slot + "Name");
                execution.removeVariable("expert" + slot + "Email");
                execution.removeVariable("expert" + slot + "Category");
            }
            meetups.inviteExperts(meetupId(execution), experts);
        };
    }

    @Bean
    JavaDelegate remindExpertDelegate() {
        return execution -> meetups.remindExpert(Long.parseLong(filledIn(execution, EXPERT_ID)));
    }

    @Bean
    JavaDelegate expertDeclinedByDeadlineDelegate() {
        return execution -> meetups.declinedByDeadline(Long.parseLong(filledIn(execution, EXPERT_ID)));
    }

    @Bean
    JavaDelegate countAcceptancesDelegate() {
        return execution -> execution.setVariable(ENOUGH_EXPERTS, meetups.enoughExperts(meetupId(execution)));
    }

    @Bean
    JavaDelegate announceMeetupDelegate() {
        return execution -> execution.setVariables(meetups.announce(meetupId(execution)));
    }

    @Bean
    JavaDelegate remindParticipantsDelegate() {
        return execution -> meetups.remindParticipants(meetupId(execution));
    }

    @Bean
    JavaDelegate sendMeetupReportDelegate() {
        return execution -> meetups.report(meetupId(execution), number(execution, "attendance", 0),
                filledIn(execution, "summary"), filledIn(execution, "agendaItems"), filledIn(execution, "followUps"));
    }

    @Bean
    JavaDelegate notifyCancellationDelegate() {
        return execution -> meetups.notifyCancellation(meetupId(execution));
    }

    static long meetupId(DelegateExecution execution) {
        return id(execution, MEETUP_ID);
    }
}
