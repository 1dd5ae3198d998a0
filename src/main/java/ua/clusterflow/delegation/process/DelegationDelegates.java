package ua.clusterflow.delegation.process;

import static ua.clusterflow.delegation.process.DelegationProcess.*;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.delegation.RoleDelegationService;

/** The service steps of {@code board-role-delegation.bpmn}, each mapping the case's variables to one service call. */
@Configuration(proxyBeanMethods = false)
public class DelegationDelegates {

    private final RoleDelegationService roles;

    public DelegationDelegates(RoleDelegationService roles) {
        this.roles = roles;
    }

    @Bean
    JavaDelegate remindNomineeDelegate() {
        return execution -> roles.remindNominee(termId(execution));
    }

    @Bean
    JavaDelegate changeNomineeDelegate() {
        return execution -> {
            String nominee = (String) execution.getVariable(NEW_NOMINEE);
            roles.changeNominee(termId(execution), nominee);
            execution.setVariable(NOMINEE, nominee);
        };
    }

    @Bean
    JavaDelegate withdrawProposalDelegate() {
        return execution -> roles.withdraw(termId(execution));
    }

    @Bean
    JavaDelegate notifyNotApprovedDelegate() {
        return execution -> roles.notApproved(termId(execution), (String) execution.getVariable("boardReason"));
    }

    @Bean
    JavaDelegate appointHolderDelegate() {
        return execution -> {
            execution.setVariable(HOLDER, execution.getVariable(NOMINEE));
            roles.appoint(termId(execution));
        };
    }

    @Bean
    JavaDelegate renewTermDelegate() {
        return execution -> {
            Object typed = execution.getVariable(NEW_TERM_END);
            LocalDate newEnd = typed instanceof Date date ? date.toInstant().atZone(AppClock.KYIV).toLocalDate() : null;
            execution.setVariables(roles.renew(termId(execution), newEnd));
        };
    }

    @Bean
    JavaDelegate startHandOverDelegate() {
        return execution -> roles.startHandOver(termId(execution), (String) execution.getVariable(SUCCESSOR));
    }

    @Bean
    JavaDelegate endTermDelegate() {
        return execution -> roles.endTerm(termId(execution));
    }

    @Bean
    JavaDelegate revokeRoleDelegate() {
        return execution -> roles.revoke(termId(execution), (String) execution.getVariable("boardReason"));
    }

    @Bean
    JavaDelegate keepRoleDelegate() {
        return execution -> roles.keep(termId(execution));
    }

    private static long termId(DelegateExecution execution) {
        return ((Number) execution.getVariable(TERM_ID)).longValue();
    }
}
