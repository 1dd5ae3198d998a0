package ua.clusterflow.cluster;

/** One of the people of a member organisation, with their role at it. */
public record OrganisationPerson(String userId, OrganisationRole role) {
}
