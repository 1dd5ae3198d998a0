package ua.clusterflow.followup.process;

import static ua.clusterflow.followup.process.FollowUpProcess.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.followup.FollowUpService;

/** The steps of {@code follow-up.bpmn}, each mapping the follow-up's variables to one service call. */
@Configuration(proxyBeanMethods = false)
public class FollowUpDelegates {

    private final FollowUpService followUps;

    public FollowUpDelegates(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Bean
    JavaDelegate remindFollowUpOwnerDelegate() {
        return execution -> followUps.remind(FOLLOW_UP_ID.from(execution));
    }

    @Bean
    JavaDelegate notifyFollowUpOverdueDelegate() {
        return execution -> followUps.overdue(FOLLOW_UP_ID.from(execution));
    }

    @Bean
    JavaDelegate recordFollowUpDoneDelegate() {
        return execution -> followUps.done(FOLLOW_UP_ID.from(execution), OUTCOME.from(execution), LED_TO.from(execution));
    }
}
