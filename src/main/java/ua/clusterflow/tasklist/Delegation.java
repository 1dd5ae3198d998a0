package ua.clusterflow.tasklist;

import java.util.Map;
import java.util.Set;

/**
 * A task handed to someone else and, once they resolve it, back to its owner: who delegated it with which note, and
 * who returned it with which answer. Kept as the task's own variables, so nothing of it reaches the case before the
 * owner completes the task.
 */
public record Delegation(String delegatedBy, String note, String returnedBy, Map<String, Object> answer) {

    public static final String DELEGATED_BY = "delegatedBy";
    public static final String NOTE = "delegationNote";
    public static final String RETURNED_BY = "delegationReturnedBy";
    public static final Set<String> OWN_VARIABLES = Set.of(DELEGATED_BY, NOTE, RETURNED_BY);

    public boolean returned() {
        return returnedBy != null;
    }
}
