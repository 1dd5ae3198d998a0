package ua.clusterflow.followup;

/** A follow-up's case in the engine, as the follow-up service drives it. */
public interface FollowUpCases {

    /** Starts the case of a follow-up just agreed: its owner's task, the reminder and the overdue notice. */
    void start(FollowUp followUp, String title);
}
