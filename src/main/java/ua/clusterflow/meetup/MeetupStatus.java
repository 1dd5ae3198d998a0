package ua.clusterflow.meetup;

public enum MeetupStatus {
    PROPOSED, PLANNED, NOT_APPROVED, EXPERTS_INVITED, OPEN, HELD, REPORTED, CANCELLED;

    public boolean closed() {
        return this == NOT_APPROVED || this == REPORTED || this == CANCELLED;
    }
}
