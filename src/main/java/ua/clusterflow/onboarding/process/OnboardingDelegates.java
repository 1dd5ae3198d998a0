package ua.clusterflow.onboarding.process;

import static ua.clusterflow.onboarding.process.OnboardingProcess.APPLICATION_ID;
import static ua.clusterflow.onboarding.process.OnboardingProcess.BOARD_REASON;
import static ua.clusterflow.onboarding.process.OnboardingProcess.DUPLICATE;
import static ua.clusterflow.onboarding.process.OnboardingProcess.REVIEW_COMMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.onboarding.OnboardingService;

/**
 * The service steps of {@code member-onboarding.bpmn}, each bound by
 * {@code camunda:delegateExpression="${name}"}: each maps the case's variables to one service call.
 */
@Configuration(proxyBeanMethods = false)
public class OnboardingDelegates {

    private final OnboardingService onboarding;

    public OnboardingDelegates(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @Bean
    JavaDelegate checkDuplicateDelegate() {
        return execution -> DUPLICATE.set(execution, onboarding.isDuplicate(applicationId(execution)));
    }

    @Bean
    JavaDelegate closeDuplicateDelegate() {
        return execution -> onboarding.closeAsDuplicate(applicationId(execution));
    }

    @Bean
    JavaDelegate determineFeeDelegate() {
        return execution -> onboarding.determineFee(applicationId(execution));
    }

    @Bean
    JavaDelegate remindReviewersDelegate() {
        return execution -> onboarding.remindReviewers(applicationId(execution));
    }

    @Bean
    JavaDelegate requestInformationDelegate() {
        return execution -> onboarding.requestInformation(applicationId(execution), REVIEW_COMMENT.from(execution));
    }

    @Bean
    JavaDelegate remindApplicantDelegate() {
        return execution -> onboarding.remindApplicant(applicationId(execution));
    }

    @Bean
    JavaDelegate closeAbandonedDelegate() {
        return execution -> onboarding.closeAbandoned(applicationId(execution));
    }

    @Bean
    JavaDelegate rejectApplicationDelegate() {
        return execution -> onboarding.reject(applicationId(execution), REVIEW_COMMENT.from(execution));
    }

    @Bean
    ExecutionListener boardVoteStartedListener() {
        return execution -> onboarding.boardVoteStarted(applicationId(execution), REVIEW_COMMENT.from(execution));
    }

    @Bean
    JavaDelegate sendBoardRejectionDelegate() {
        return execution -> onboarding.boardRejected(applicationId(execution), BOARD_REASON.from(execution));
    }

    @Bean
    JavaDelegate sendInvoiceDelegate() {
        return execution -> onboarding.sendInvoice(applicationId(execution));
    }

    @Bean
    JavaDelegate remindPaymentDelegate() {
        return execution -> onboarding.remindPayment(applicationId(execution));
    }

    @Bean
    JavaDelegate cancelMembershipDelegate() {
        return execution -> onboarding.paymentCancelled(applicationId(execution));
    }

    @Bean
    JavaDelegate createMemberDelegate() {
        return execution -> onboarding.createMember(applicationId(execution));
    }

    @Bean
    JavaDelegate sendWelcomeDelegate() {
        return execution -> onboarding.welcome(applicationId(execution));
    }

    private static long applicationId(DelegateExecution execution) {
        return APPLICATION_ID.from(execution);
    }
}
