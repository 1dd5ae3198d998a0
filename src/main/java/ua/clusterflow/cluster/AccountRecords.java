package ua.clusterflow.cluster;

import java.util.List;
import java.util.Map;

/** What the engine keeps about a person: their account, its groups and clusters, and the history naming them. */
public interface AccountRecords {

    /** Whether a table of the database is the engine's. */
    boolean holds(String table);

    /** The account as the engine keeps it, without its password: names, address, settings, groups and clusters. */
    Map<String, Object> account(String userId);

    /**
     * Closes the account (no password anyone knows, no group, no cluster, names and address replaced) and rewrites
     * every text of the engine's tables that names the person; the identifier becomes {@code erasedId}.
     */
    void erase(String userId, String erasedId, List<String> texts, String erasedName);
}
