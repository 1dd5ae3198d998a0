package ua.clusterflow.grant;

/** Where a grant application stands; the member's list, the case page and the calendar show it. */
public enum GrantStatus {
    DRAFT, SCREENING, CHANGES_REQUESTED, DECLINED, PARTNER_SEARCH, UNDER_REVIEW, BOARD_VOTE, NOT_SUPPORTED,
    AWAITING_SUBMISSION, FUNDER_SUBMITTED, MISSED, FUNDED, REJECTED, RESERVE;

    /** The member may change the application: before submission, or when it was sent back. */
    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    public boolean closed() {
        return this == DECLINED || this == NOT_SUPPORTED || this == MISSED || this == FUNDED || this == REJECTED
                || this == RESERVE;
    }
}
