package ua.clusterflow.delegation;

/** Where a term in a board role stands: proposed, then active, or not approved; an active one ends or is revoked. */
public enum RoleStatus {
    PROPOSED, NOT_APPROVED, ACTIVE, ENDED, REVOKED, WITHDRAWN
}
