package ua.clusterflow.meetup;

import java.util.Date;

/** A meetup's case in the engine, as the meetup service drives it. */
public interface MeetupCases {

    /** The key of the process whose cases this port drives, as the models deploy it. */
    String PROCESS_KEY = "TechMeetup";

    /** Starts the case of a meetup just proposed. */
    void start(Meetup meetup);

    /** Ends the wait for an expert's answer. */
    void expertAnswered(String reference, long expertId);

    /** Moves the case's wait for the guests' reminder and for the meetup's end to a new date. */
    void moved(String reference, Date remindAt, Date endsAt);

    /** Cancels the meetup at whatever step its case is. */
    void cancel(String reference);
}
