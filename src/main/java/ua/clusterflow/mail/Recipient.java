package ua.clusterflow.mail;

/** Whom a mail goes to: an address, the name its greeting uses, and the language it is written in. */
public interface Recipient {

    String email();

    String displayName();

    /** {@code uk} or {@code en}; null reads as Ukrainian. */
    String language();
}
