package ua.clusterflow.membership.process;

import static ua.clusterflow.membership.process.MembershipProcess.*;
import static ua.clusterflow.tasklist.ProcessVariables.day;
import static ua.clusterflow.tasklist.ProcessVariables.filledIn;
import static ua.clusterflow.tasklist.ProcessVariables.id;
import static ua.clusterflow.tasklist.ProcessVariables.text;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.membership.MembershipService;

/**
 * The service steps of {@code membership-renewal.bpmn}, each bound by
 * {@code camunda:delegateExpression="${name}"}: each maps the case's variables to one service call.
 */
@Configuration(proxyBeanMethods = false)
public class MembershipDelegates {

    private final MembershipService membership;

    public MembershipDelegates(MembershipService membership) {
        this.membership = membership;
    }

    @Bean
    JavaDelegate determineDuesDelegate() {
        return execution -> {
            MembershipService.YearDues dues = membership.determineDues(organisation(execution), yearFrom(execution));
            execution.setVariable(DUES, dues.amount());
            execution.setVariable(PAY_BY, dues.payBy());
            execution.setVariable(LAPSES_ON, dues.lapsesOn());
        };
    }

    @Bean
    JavaDelegate sendDuesInvoiceDelegate() {
        return execution -> membership.sendInvoice(organisation(execution), yearFrom(execution));
    }

    @Bean
    JavaDelegate remindDuesDelegate() {
        return execution -> membership.remindDues(organisation(execution), yearFrom(execution));
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
                day(execution, PAID_ON), filledIn(execution, PAYMENT_REFERENCE));
    }

    @Bean
    JavaDelegate recordNoticeDelegate() {
        return execution -> membership.recordNotice(organisation(execution), execution.getProcessBusinessKey(),
                filledIn(execution, REASON), text(execution, ACTOR));
    }

    @Bean
    JavaDelegate endResignedDelegate() {
        return execution -> membership.endResigned(organisation(execution), execution.getProcessBusinessKey(),
                filledIn(execution, REASON), text(execution, ACTOR));
    }

    @Bean
    ExecutionListener exclusionVoteStartedListener() {
        return execution -> membership.exclusionVoteStarted(execution.getProcessBusinessKey(),
                filledIn(execution, REASON), text(execution, ACTOR));
    }

    @Bean
    JavaDelegate excludeMemberDelegate() {
        return execution -> membership.exclude(organisation(execution), execution.getProcessBusinessKey(),
                filledIn(execution, REASON), filledIn(execution, BOARD_REASON));
    }

    @Bean
    JavaDelegate keepMemberDelegate() {
        return execution -> membership.keepMember(organisation(execution), execution.getProcessBusinessKey(),
                text(execution, ACTOR), filledIn(execution, BOARD_REASON));
    }

    private static long organisation(DelegateExecution execution) {
        return id(execution, ORGANISATION_ID);
    }

    private static LocalDate yearFrom(DelegateExecution execution) {
        return LocalDate.parse(text(execution, YEAR_FROM));
    }
}
