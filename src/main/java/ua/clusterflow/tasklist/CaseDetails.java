package ua.clusterflow.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a feature shows on the case page about its own cases, as labelled values. */
public interface CaseDetails {

    boolean supports(String processKey);

    /** Message keys (or plain labels) to values, in the order to show them. */
    Map<String, String> details(String businessKey);

    /**
     * Whether the case page of these cases is for the cluster's staff (and whoever works one of its tasks) alone: the
     * people a case is about follow it elsewhere, as an applicant for membership does on its tracking page.
     */
    default boolean staffOnly() {
        return false;
    }

    /**
     * What the board is asked in this case, as a question in words in the reader's language ("Admit X to the
     * cluster?"), for its ballots, its mails and its register; empty where the board decides nothing.
     */
    default Optional<String> voteQuestion(String businessKey) {
        return Optional.empty();
    }

    /** The actions agreed in a case (a meetup's follow-ups), one each, for the staff to give to an owner. */
    default List<String> agreedActions(String businessKey) {
        return List.of();
    }
}
