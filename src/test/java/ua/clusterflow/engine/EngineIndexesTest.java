package ua.clusterflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ua.clusterflow.IntegrationTest;

/**
 * The indexes the app adds to the engine's tables are there after start-up, and the statements they serve use them:
 * the engine's look-up of a task's subtasks on completing it, people's languages, and a person by e-mail.
 */
class EngineIndexesTest extends IntegrationTest {

    @Autowired PlatformTransactionManager transactions;

    @Test
    void theEngineTablesHaveTheIndexesTheStepsNeedAndTheStatementsUseThem() {
        List<String> indexes = indexes();
        assertThat(indexes).extracting(definition -> definition.split(" ")[2])
                .containsExactly("cf_idx_id_info_user", "cf_idx_id_user_email", "cf_idx_ru_task_parent");
        // a second start finds them and changes nothing
        new EngineIndexes(engine, jdbc);
        assertThat(indexes()).isEqualTo(indexes);
        assertThat(plan("select * from act_ru_task where parent_task_id_ = 'x'")).contains("cf_idx_ru_task_parent");
        assertThat(plan("select * from act_id_info where user_id_ = 'olena' and key_ = 'language'"))
                .contains("cf_idx_id_info_user");
        assertThat(plan("select * from act_id_user where email_ = 'olena@example.com'")).contains("cf_idx_id_user_email");
    }

    private List<String> indexes() {
        return jdbc.sql("select indexdef from pg_indexes where indexname like 'cf_idx_%' order by indexname")
                .query(String.class).list();
    }

    /** The plan PostgreSQL picks when it may not scan whole tables (the test's tables are small). */
    private String plan(String statement) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join(" ", jdbc.sql("explain " + statement).query(String.class).list());
        });
    }
}
