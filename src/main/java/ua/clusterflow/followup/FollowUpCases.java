package ua.clusterflow.followup;

/** A follow-up's case in the engine, as the follow-up service drives it. */
public interface FollowUpCases {

    /** The key of the process whose cases this port drives, as the models deploy it. */
    String PROCESS_KEY = "FollowUp";

    /** Starts the case of a follow-up just agreed: its owner's task, the reminder and the overdue notice. */
    void start(FollowUp followUp, String title);
}
