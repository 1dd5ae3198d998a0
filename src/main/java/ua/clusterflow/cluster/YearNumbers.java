package ua.clusterflow.cluster;

import org.springframework.jdbc.core.simple.JdbcClient;
import ua.clusterflow.base.TransactionLocks;

/**
 * A register's next number within a cluster's year (1/2027, 2/2027, ...), without gaps: the register is held for the
 * caller's transaction, so that two nodes issuing at once take one number after the other. For the registers whose
 * rows carry {@code cluster_id}, {@code year} and {@code number}: outgoing letters and invoices.
 */
final class YearNumbers {

    private YearNumbers() {
    }

    /** Holds the cluster's register until the transaction ends and gives its next number of the year. */
    static int next(JdbcClient jdbc, String register, String clusterId, int year) {
        if (!register.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a register: " + register);
        }
        TransactionLocks.hold(jdbc, register + ":" + clusterId);
        return jdbc.sql("select coalesce(max(number), 0) + 1 from " + register + " where cluster_id = ? and year = ?")
                .params(clusterId, year).query(Integer.class).single();
    }
}
