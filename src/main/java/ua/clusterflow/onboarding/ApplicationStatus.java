package ua.clusterflow.onboarding;

/** Where an onboarding application stands; the case page and the applicant's page show it. */
public enum ApplicationStatus {
    SUBMITTED, DUPLICATE, IN_REVIEW, INFO_REQUESTED, ABANDONED, REJECTED, BOARD_VOTE, BOARD_REJECTED,
    AWAITING_PAYMENT, PAYMENT_CANCELLED, MEMBER;

    public boolean closed() {
        return this == DUPLICATE || this == ABANDONED || this == REJECTED || this == BOARD_REJECTED
                || this == PAYMENT_CANCELLED || this == MEMBER;
    }
}
