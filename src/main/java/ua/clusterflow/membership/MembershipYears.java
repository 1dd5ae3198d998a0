package ua.clusterflow.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The membership years' cases in the engine, as the membership service drives them. */
public interface MembershipYears {

    /** The key of the process whose cases this port drives, as the models deploy it. */
    String PROCESS_KEY = "MembershipRenewal";

    /** Starts a year's case, which waits for the year's renewal morning. */
    void start(String businessKey, String clusterId, long organisationId, String title, LocalDate yearFrom);

    /**
     * Starts a year's case whose dues are invoiced and unpaid, at the coordinator's confirmation in grace or after
     * the membership lapsed.
     */
    void startUnpaid(String businessKey, String clusterId, long organisationId, String title, LocalDate yearFrom,
                     long dues, LocalDate lapsesOn, boolean inGrace);

    /** The organisation's open year case: the newest when the next year opened before the last one ended. */
    Optional<String> openYear(long organisationId);

    /** Tells the year's case that the member gave notice, to end on the given day. */
    void resignation(String year, LocalDate ends, String reason, String actor);

    /** Tells the case waiting for an organisation's notice to end that the notice is withdrawn; false when none waits. */
    boolean noticeWithdrawn(long organisationId, String actor);

    /** Tells the year's case that the board is asked to exclude the member. */
    void exclusion(String year, String reason, String actor);

    /** Whether the year's case waits on the board's vote on an exclusion. */
    boolean exclusionRunning(String year);

    /** Ends the organisation's other open year cases; returns their business keys. */
    List<String> endOtherYears(long organisationId, String keptBusinessKey, String reason);
}
