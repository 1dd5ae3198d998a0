package ua.clusterflow.cluster;

/** What a person does for their member organisation: invoices go to the billing contact, else the main contact. */
public enum OrganisationRole {
    MAIN, BILLING, EXPERT, OTHER
}
