package ua.clusterflow.tasklist;

/** A step waiting in a case, as a list of cases shows it: its name in the person's language and who holds it. */
public record OpenStep(String businessKey, String name, String assignee) {
}
