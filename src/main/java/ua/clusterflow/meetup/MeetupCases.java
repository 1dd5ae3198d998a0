package ua.clusterflow.meetup;

/** A meetup's case in the engine, as the meetup service drives it. */
public interface MeetupCases {

    /** Starts the case of a meetup just proposed. */
    void start(Meetup meetup);

    /** Ends the wait for an expert's answer. */
    void expertAnswered(String reference, long expertId);

    /** Cancels the meetup at whatever step its case is. */
    void cancel(String reference);
}
