package ua.clusterflow.followup;

/** Where a follow-up stands: open until its owner reports it done. */
public enum FollowUpStatus {
    OPEN, DONE
}
