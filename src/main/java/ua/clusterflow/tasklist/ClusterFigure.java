package ua.clusterflow.tasklist;

/**
 * A figure a feature counts about a cluster, for its dashboard, the alliance view and the reports: each feature
 * counts its own, over its own tables and in its own statuses, and tells them through {@link ClusterFigures}.
 */
public enum ClusterFigure {
    /** Meetups that took place or are open for registration (open, held, reported). */
    MEETUPS_HELD,
    /** Meetups whose report is in. */
    MEETUPS_REPORTED,
    /** Guests checked in at the door of the cluster's meetups this calendar year, each person once a meetup. */
    GUESTS_CHECKED_IN_THIS_YEAR,
    /** Applications funded with at least two partners from the European Union. */
    GRANTS_FUNDED_WITH_EU_PARTNERS,
    /** The amount granted to funded applications, in euros. */
    FUNDS_GRANTED_EUR,
    /** Applications past their draft. */
    GRANTS_SUBMITTED,
    /** Applications the funder decided on (funded, rejected, reserve list). */
    GRANTS_DECIDED,
    /** Applications funded. */
    GRANTS_FUNDED,
    /** Follow-ups agreed. */
    FOLLOW_UPS,
    /** Follow-ups done. */
    FOLLOW_UPS_DONE,
    /** Follow-ups open past their day. */
    FOLLOW_UPS_OVERDUE,
    /** Introductions between members that led to a follow-up. */
    INTRODUCTIONS_FOLLOWED_UP,
    /** Board roles held now. */
    ROLES_ACTIVE,
    /** Applications for membership (duplicates left out). */
    APPLICATIONS,
    /** Applications for membership approved (invoiced, cancelled unpaid, or a member). */
    APPLICATIONS_APPROVED,
    /** Applications for membership that became members. */
    APPLICATIONS_PAID,
    /** Membership dues paid this calendar year, in hryvnias. */
    FEE_INCOME_THIS_YEAR_UAH
}
