package ua.clusterflow.meetup;

/** A guest's registration: a place held, on the waiting list of its mode, or cancelled by the guest. */
public enum RegistrationStatus {
    CONFIRMED, WAITING, CANCELLED
}
