package ua.clusterflow.membership;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A cluster's membership terms: the day each membership year begins (or each member's anniversary when none is set),
 * the days to pay after the invoice, the grace period after that, and the notice a resigning member gives.
 */
public record MembershipTerms(String clusterId, MonthDay renewalDay, int paymentDays, int graceDays, int noticeDays) {

    public static final int DEFAULT_DAYS = 30;

    public static MembershipTerms defaults(String clusterId) {
        return new MembershipTerms(clusterId, null, DEFAULT_DAYS, DEFAULT_DAYS, DEFAULT_DAYS);
    }

    /** A member that joins this close before the renewal day has paid for the year that follows, too. */
    public static final int JOINED_LATE_DAYS = 90;

    /**
     * The day the first renewal falls on for a member that joined this day: a year on, or the cluster's renewal day
     * after it, skipping the first one when it comes within {@value #JOINED_LATE_DAYS} days of joining.
     */
    public LocalDate firstRenewalAfter(LocalDate joined) {
        if (renewalDay == null) {
            return joined.plusYears(1);
        }
        LocalDate next = renewalDay.atYear(joined.getYear());
        while (!next.isAfter(joined.plusDays(JOINED_LATE_DAYS))) {
            next = next.plusYears(1);
        }
        return next;
    }
}
