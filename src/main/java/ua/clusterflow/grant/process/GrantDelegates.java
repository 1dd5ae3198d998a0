package ua.clusterflow.grant.process;

import static ua.clusterflow.grant.process.GrantProcess.*;
import static ua.clusterflow.tasklist.ProcessVariables.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.grant.GrantReviews;
import ua.clusterflow.grant.GrantService;
import ua.clusterflow.tasklist.ProcessVariables;

/** The service steps of {@code grant-application.bpmn}, each mapping the case's variables to one service call. */
@Configuration(proxyBeanMethods = false)
public class GrantDelegates {

    private static final int REVIEWER_SLOTS = 3;

    private final GrantService grants;
    private final GrantReviews reviews;

    public GrantDelegates(GrantService grants, GrantReviews reviews) {
        this.grants = grants;
        this.reviews = reviews;
    }

    @Bean
    JavaDelegate requestChangesDelegate() {
        return execution -> grants.requestChanges(id(execution), text(execution, SCREENING_COMMENT));
    }

    @Bean
    JavaDelegate remindRevisionDelegate() {
        return execution -> grants.remindRevision(id(execution));
    }

    @Bean
    JavaDelegate declineGrantDelegate() {
        return execution -> grants.decline(id(execution), text(execution, SCREENING_COMMENT));
    }

    @Bean
    JavaDelegate checkConsortiumDelegate() {
        return execution -> execution.setVariable(PARTNERS_NEEDED, grants.partnersNeeded(id(execution)));
    }

    @Bean
    JavaDelegate recordPartnersDelegate() {
        return execution -> {
            for (int slot = 1; slot <= 2; slot++) {
                grants.recordFoundPartner(id(execution), text(execution, "partner" + slot + "Name"),
                        text(execution, "partner" + slot + "Country"), text(execution, "partner" + slot + "Role"));
            }
        };
    }

    @Bean
    JavaDelegate inviteReviewersDelegate() {
        return execution -> {
            List<GrantReviews.Reviewer> reviewers = new ArrayList<>();
            for (int slot = 1; slot <= REVIEWER_SLOTS; slot++) {
                String email = text(execution, "reviewer" + slot + "Email");
                if (email != null && !email.isBlank()) {
                    String name = text(execution, "reviewer" + slot + "Name");
                    String language = "en".equals(text(execution, "reviewer" + slot + "Language")) ? "en" : "uk";
                    reviewers.add(new GrantReviews.Reviewer(name == null || name.isBlank() ? email : name, email,
                            language));
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
        return execution -> execution.setVariable(REVIEW_OUTCOME, reviews.summariseReviews(id(execution)));
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
        return execution -> grants.notSupported(id(execution), text(execution, "boardReason"));
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
        return execution -> grants.confirmSubmission(id(execution), text(execution, SUBMISSION_REFERENCE));
    }

    @Bean
    JavaDelegate remindOutcomeDelegate() {
        return execution -> grants.remindOutcome(id(execution));
    }

    @Bean
    JavaDelegate recordOutcomeDelegate() {
        return execution -> {
            Object amount = execution.getVariable(AMOUNT_GRANTED);
            grants.recordOutcome(id(execution), text(execution, OUTCOME),
                    amount instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : null);
        };
    }

    private static long id(DelegateExecution execution) {
        return ProcessVariables.id(execution, APPLICATION_ID);
    }
}
