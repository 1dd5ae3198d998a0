package ua.clusterflow.board.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.clusterflow.board.MotionService;

/** The steps of {@code board-motion.bpmn} of its own; the vote itself is the shared board vote's. */
@Configuration(proxyBeanMethods = false)
public class MotionDelegates {

    private final MotionService motions;

    public MotionDelegates(MotionService motions) {
        this.motions = motions;
    }

    @Bean
    JavaDelegate publishStatementDelegate() {
        return execution -> motions.publish(execution.getProcessBusinessKey(),
                BoardVoteProcess.BOARD_DECISION.from(execution), MotionProcess.STATEMENT.from(execution));
    }
}
