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
 * planning can cost as much as the execution. Only for a statement whose generic plan has been seen to be its plan
 * for any values: a generic plan is made for values of average frequency, and where they vary widely it can be far
 * worse (the staff of a cluster, read by its three small groups, was planned for 1,786 memberships where there were
 * 4: a hash join over all 50,000 people, 24 ms against 0.15).
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
