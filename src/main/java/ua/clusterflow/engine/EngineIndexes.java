package ua.clusterflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables that its own schema lacks, for statements it and the app run on every step: the
 * engine looks up a task's subtasks whenever a task is completed, the app reads people's languages from the
 * identity info, and finds a person by e-mail for every contact it invites or brings in. Without them each is a full scan, growing with the open tasks and the people. Created once the
 * engine has made its schema, on every start, and only where missing.
 */
@Component
public class EngineIndexes {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    static final String[] STATEMENTS = {
            "create index if not exists cf_idx_ru_task_parent on act_ru_task (parent_task_id_)",
            "create index if not exists cf_idx_id_info_user on act_id_info (user_id_, key_)",
            "create index if not exists cf_idx_id_user_email on act_id_user (email_)"};

    public EngineIndexes(ProcessEngine engine, JdbcClient jdbc) {
        for (String statement : STATEMENTS) {
            try {
                jdbc.sql(statement).update();
            } catch (RuntimeException e) {
                // another node starting at the same moment may have created it first
                log.warn("Could not run '{}': {}", statement, e.getMessage());
            }
        }
    }
}
