package ua.clusterflow.delegation.process;

import static ua.clusterflow.delegation.process.DelegationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
            String nominee = NEW_NOMINEE.from(execution);
            roles.changeNominee(termId(execution), nominee);
            NOMINEE.set(execution, nominee);
        };
    }

    @Bean
    JavaDelegate withdrawProposalDelegate() {
        return execution -> roles.withdraw(termId(execution));
    }

    @Bean
    JavaDelegate notifyNotApprovedDelegate() {
        return execution -> roles.notApproved(termId(execution), BOARD_REASON.from(execution));
    }

    @Bean
    JavaDelegate appointHolderDelegate() {
        return execution -> {
            HOLDER.set(execution, NOMINEE.from(execution));
            roles.appoint(termId(execution));
        };
    }

    @Bean
    JavaDelegate renewTermDelegate() {
        return execution -> {
            execution.setVariables(DelegationEngine.termVariables(roles.renew(termId(execution),
                    NEW_TERM_END.filledIn(execution))));
        };
    }

    @Bean
    JavaDelegate startHandOverDelegate() {
        return execution -> roles.startHandOver(termId(execution), SUCCESSOR.from(execution));
    }

    @Bean
    JavaDelegate endTermDelegate() {
        return execution -> roles.endTerm(termId(execution));
    }

    @Bean
    JavaDelegate revokeRoleDelegate() {
        return execution -> roles.revoke(termId(execution), BOARD_REASON.from(execution));
    }

    @Bean
    JavaDelegate keepRoleDelegate() {
        return execution -> roles.keep(termId(execution));
    }

    private static long termId(DelegateExecution execution) {
        return TERM_ID.from(execution);
    }
}
