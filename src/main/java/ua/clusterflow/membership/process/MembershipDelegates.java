package ua.clusterflow.membership.process;

import static ua.clusterflow.membership.process.MembershipProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.membership.MembershipInvoicing;
import ua.clusterflow.membership.MembershipService;

/**
 * The service steps of {@code membership-renewal.bpmn}, each bound by
 * {@code camunda:delegateExpression="${name}"}: each maps the case's variables to one service call.
 */
@Configuration(proxyBeanMethods = false)
public class MembershipDelegates {

    private final MembershipService membership;
    private final MembershipInvoicing invoicing;

    public MembershipDelegates(MembershipService membership, MembershipInvoicing invoicing) {
        this.membership = membership;
        this.invoicing = invoicing;
    }

    @Bean
    JavaDelegate determineDuesDelegate() {
        return execution -> {
            MembershipInvoicing.YearDues dues = invoicing.determineDues(organisation(execution), yearFrom(execution));
            DUES.set(execution, dues.amount());
            PAY_BY.set(execution, dues.payBy());
            LAPSES_ON.set(execution, dues.lapsesOn());
        };
    }

    @Bean
    JavaDelegate sendDuesInvoiceDelegate() {
        return execution -> invoicing.sendInvoice(organisation(execution), yearFrom(execution));
    }

    @Bean
    JavaDelegate remindDuesDelegate() {
        return execution -> invoicing.remindDues(organisation(execution), yearFrom(execution));
    }

    @Bean
    JavaDelegate startGraceDelegate() {
        return execution -> membership.startGrace(organisation(execution), yearFrom(execution));
    }

    @Bean
    JavaDelegate markLapsedDelegate() {
        return execution -> membership.markLapsed(organisation(execution), yearFrom(execution));
    }

    @Bean
    JavaDelegate closeLapsedDelegate() {
        return execution -> membership.closeLapsed(organisation(execution), yearFrom(execution));
    }

    @Bean
    JavaDelegate recordDuesPaidDelegate() {
        return execution -> membership.recordPaid(organisation(execution), yearFrom(execution),
                PAID_ON.from(execution), PAYMENT_REFERENCE.filledIn(execution));
    }

    @Bean
    JavaDelegate recordNoticeDelegate() {
        return execution -> membership.recordNotice(organisation(execution), execution.getProcessBusinessKey(),
                REASON.filledIn(execution), ACTOR.from(execution));
    }

    @Bean
    JavaDelegate recordWithdrawalDelegate() {
        return execution -> membership.recordWithdrawal(organisation(execution), execution.getProcessBusinessKey(),
                ACTOR.from(execution));
    }

    @Bean
    JavaDelegate endResignedDelegate() {
        return execution -> membership.endResigned(organisation(execution), execution.getProcessBusinessKey(),
                REASON.filledIn(execution), ACTOR.from(execution));
    }

    @Bean
    ExecutionListener exclusionVoteStartedListener() {
        return execution -> membership.exclusionVoteStarted(execution.getProcessBusinessKey(),
                REASON.filledIn(execution), ACTOR.from(execution));
    }

    @Bean
    JavaDelegate excludeMemberDelegate() {
        return execution -> membership.exclude(organisation(execution), execution.getProcessBusinessKey(),
                REASON.filledIn(execution));
    }

    @Bean
    JavaDelegate keepMemberDelegate() {
        return execution -> membership.keepMember(organisation(execution), execution.getProcessBusinessKey(),
                ACTOR.from(execution), BOARD_REASON.filledIn(execution));
    }

    private static long organisation(DelegateExecution execution) {
        return ORGANISATION_ID.from(execution);
    }

    private static LocalDate yearFrom(DelegateExecution execution) {
        return YEAR_FROM.from(execution);
    }
}
