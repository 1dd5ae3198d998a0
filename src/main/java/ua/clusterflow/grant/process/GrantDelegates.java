package ua.clusterflow.grant.process;

import static ua.clusterflow.grant.process.GrantProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.grant.GrantReviews;
import ua.clusterflow.grant.GrantService;

/** The service steps of {@code grant-application.bpmn}, each mapping the case's variables to one service call. */
@Configuration(proxyBeanMethods = false)
public class GrantDelegates {

    private final GrantService grants;
    private final GrantReviews reviews;

    public GrantDelegates(GrantService grants, GrantReviews reviews) {
        this.grants = grants;
        this.reviews = reviews;
    }

    @Bean
    JavaDelegate requestChangesDelegate() {
        return execution -> grants.requestChanges(id(execution), SCREENING_COMMENT.from(execution));
    }

    @Bean
    JavaDelegate remindRevisionDelegate() {
        return execution -> grants.remindRevision(id(execution));
    }

    @Bean
    JavaDelegate declineGrantDelegate() {
        return execution -> grants.decline(id(execution), SCREENING_COMMENT.from(execution));
    }

    @Bean
    JavaDelegate checkConsortiumDelegate() {
        return execution -> PARTNERS_NEEDED.set(execution, grants.partnersNeeded(id(execution)));
    }

    @Bean
    JavaDelegate recordPartnersDelegate() {
        return execution -> {
            for (int slot = 1; slot <= PARTNER_SLOTS; slot++) {
                grants.recordFoundPartner(id(execution), PARTNER_NAME.in(slot).from(execution),
                        PARTNER_COUNTRY.in(slot).from(execution), PARTNER_ROLE.in(slot).from(execution));
            }
        };
    }

    @Bean
    JavaDelegate inviteReviewersDelegate() {
        return execution -> {
            List<GrantReviews.Reviewer> reviewers = new ArrayList<>();
            for (int slot = 1; slot <= REVIEWER_SLOTS; slot++) {
                String email = REVIEWER_EMAIL.in(slot).filledIn(execution);
                if (email != null) {
                    String name = REVIEWER_NAME.in(slot).filledIn(execution);
                    String language = "en".equals(REVIEWER_LANGUAGE.in(slot).from(execution)) ? "en" : "uk";
                    reviewers.add(new GrantReviews.Reviewer(name == null ? email : name, email, language));
                }
            }
            reviews.inviteReviewers(id(execution), reviewers);
        };
    }

    @Bean
    JavaDelegate remindReviewersGrantDelegate() {
        return execution -> reviews.remindReviewers(id(execution));
    }

    @Bean
    JavaDelegate summariseReviewsDelegate() {
        return execution -> REVIEW_OUTCOME.set(execution, reviews.summariseReviews(id(execution)));
    }

    @Bean
    JavaDelegate returnWithReviewsDelegate() {
        return execution -> grants.returnWithReviews(id(execution));
    }

    @Bean
    ExecutionListener grantBoardVoteStartedListener() {
        return execution -> grants.boardVoteStarted(id(execution));
    }

    @Bean
    JavaDelegate sendNotSupportedDelegate() {
        return execution -> grants.notSupported(id(execution), BOARD_REASON.from(execution));
    }

    @Bean
    JavaDelegate issueLetterDelegate() {
        return execution -> grants.issueLetter(id(execution));
    }

    @Bean
    JavaDelegate remindSubmissionDelegate() {
        return execution -> grants.remindSubmission(id(execution));
    }

    @Bean
    JavaDelegate closeMissedDelegate() {
        return execution -> grants.closeMissed(id(execution));
    }

    @Bean
    JavaDelegate confirmSubmissionDelegate() {
        return execution -> grants.confirmSubmission(id(execution), SUBMISSION_REFERENCE.from(execution));
    }

    @Bean
    JavaDelegate remindOutcomeDelegate() {
        return execution -> grants.remindOutcome(id(execution));
    }

    @Bean
    JavaDelegate recordOutcomeDelegate() {
        return execution -> grants.recordOutcome(id(execution), OUTCOME.from(execution), AMOUNT_GRANTED.from(execution));
    }

    private static long id(DelegateExecution execution) {
        return APPLICATION_ID.from(execution);
    }
}
