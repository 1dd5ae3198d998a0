package ua.clusterflow.base;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lock by name in PostgreSQL, held until the caller's transaction ends (an advisory transaction lock): whoever asks
 * for the same name meanwhile waits, on whichever node it runs. Two clicks, two ballots or two uploads in the same
 * moment then go one after the other and the second sees what the first wrote.
 */
public final class TransactionLocks {

    private TransactionLocks() {
    }

    public static void hold(JdbcClient jdbc, String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(name).query((rs, n) -> 1).list();
    }
}
