package ua.clusterflow.cluster;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of a cluster's outgoing letters: each gets the next number of the cluster's year (1/2027, 2/2027, ...)
 * when it is issued, one after the other on whichever node issues it.
 */
@Repository
public class OutgoingLetters {

    /** A letter's place in the register: its number within its year, and the day it was issued. */
    public record Number(int number, int year, LocalDate issuedOn) {

        /** As the letter prints it: 3/2027. */
        public String printed() {
            return number + "/" + year;
        }
    }

    private final JdbcClient jdbc;

    public OutgoingLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a letter of a case to an addressee, issued on a day: the cluster's next number of that year. */
    @Transactional
    public Number register(String clusterId, String businessKey, String addressee, LocalDate issuedOn) {
        int year = issuedOn.getYear();
        int number = YearNumbers.next(jdbc, "outgoing_letter", clusterId, year);
        jdbc.sql("""
                insert into outgoing_letter (cluster_id, year, number, business_key, addressee, issued_on)
                values (?, ?, ?, ?, ?, ?)""")
                .params(clusterId, year, number, businessKey,
                        addressee.length() > 500 ? addressee.substring(0, 500) : addressee, issuedOn)
                .update();
        return new Number(number, year, issuedOn);
    }
}
