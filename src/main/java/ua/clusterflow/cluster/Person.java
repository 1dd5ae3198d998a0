package ua.clusterflow.cluster;

import ua.clusterflow.mail.Recipient;

/** A person as ClusterFlow shows them; the account itself lives in the engine's identity service. */
public record Person(String id, String firstName, String lastName, String email, String language)
        implements Recipient {

    @Override
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? id : name;
    }
}
