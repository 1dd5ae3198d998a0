package ua.clusterflow.grant;

import java.math.BigDecimal;
import java.util.List;

/** An application's case in the engine and the screening tables, as the grant services use them. */
public interface GrantCases {

    /** The key of the process whose cases this port drives, as the models deploy it. */
    String PROCESS_KEY = "GrantApplication";

    /** Starts the case of an application just submitted. */
    void start(GrantApplication application);

    /** Tells the case waiting for a revision that the applicant sent it, with its call deadline and title now. */
    void resubmitted(GrantApplication application);

    /** Tells the case that its round's reviews are all in. */
    void reviewsComplete(String reference);

    /** The screening table's concerns (codes; none means no concern). */
    List<String> screening(String programme, long daysToDeadline, BigDecimal budget, int euPartners,
                           int euPartnersRequired);

    /** The EU partners a programme asks for. */
    int euPartnersRequired(String programme);
}
