package ua.clusterflow.cluster;

/** Where a member organisation stands in its membership. */
public enum MembershipStatus {
    CURRENT, IN_GRACE, LAPSED, RESIGNED, EXCLUDED;

    /** A member whose people hold the member's rights: its dues are paid, or the grace period still runs. */
    public boolean active() {
        return this == CURRENT || this == IN_GRACE;
    }

    /** A membership that has ended for good: the organisation left or was excluded. */
    public boolean ended() {
        return this == RESIGNED || this == EXCLUDED;
    }
}
