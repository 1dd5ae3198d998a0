package ua.clusterflow.tasklist;

import java.util.Map;

/** What a feature shows on the case page about its own cases, as labelled values. */
public interface CaseDetails {

    boolean supports(String processKey);

    /** Message keys (or plain labels) to values, in the order to show them. */
    Map<String, String> details(String businessKey);
}
