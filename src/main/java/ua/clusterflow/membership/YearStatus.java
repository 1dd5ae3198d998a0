package ua.clusterflow.membership;

/** Where the case of one membership year stands, as the case list shows it. */
public enum YearStatus {
    YEAR_OPEN, DUES_INVOICED, IN_GRACE, LAPSED, DUES_PAID, RESIGNED, EXCLUDED
}
