package ua.clusterflow.base;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads whose statements PostgreSQL plans once per connection and keeps (its generic plan), for statements run on
 * nearly every page whose best plan does not hang on their values: PostgreSQL would otherwise plan them anew on every
 * call wherever a plan for the values looks cheaper than the generic one, as it does for a small cluster, and the
 * planning can cost as much as the execution.
 */
@Component
public class GenericPlans {

    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    public GenericPlans(TransactionTemplate transaction, JdbcClient jdbc) {
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /**
     * The reads in a transaction of their own in which each statement keeps its generic plan; within a caller's
     * transaction, as they are.
     */
    public <T> T read(Supplier<T> reads) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return reads.get();
        }
        return transaction.execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
            return reads.get();
        });
    }

    /** Within {@link #read}: the statements after it planned for their values again. */
    public void planForValues() {
        jdbc.sql("set local plan_cache_mode = auto").update();
    }
}
