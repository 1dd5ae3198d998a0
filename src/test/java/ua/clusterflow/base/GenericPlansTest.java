package ua.clusterflow.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import ua.clusterflow.IntegrationTest;

/**
 * Reads through {@link GenericPlans} keep PostgreSQL's generic plans in their own transaction only: the connection
 * goes back to the pool planning as before, a caller's transaction is left as it is, and a read can return to plans
 * for its values.
 */
class GenericPlansTest extends IntegrationTest {

    @Autowired GenericPlans genericPlans;
    @Autowired TransactionTemplate transaction;

    private String planCacheMode() {
        return jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single();
    }

    @Test
    void theGenericPlansHoldForTheReadsAloneAndNotInACallersTransaction() {
        assertThat(planCacheMode()).isEqualTo("auto");
        assertThat(genericPlans.read(this::planCacheMode)).isEqualTo("force_generic_plan");
        assertThat(genericPlans.read(() -> {
            genericPlans.planForValues();
            return planCacheMode();
        })).isEqualTo("auto");
        for (int i = 0; i < 20; i++) {
            // every connection of the pool taken in turn: none kept the setting
            assertThat(planCacheMode()).isEqualTo("auto");
        }
        String inCallersTransaction = transaction.execute(status -> genericPlans.read(this::planCacheMode));
        assertThat(inCallersTransaction).isEqualTo("auto");
    }
}
