package ua.clusterflow.tasklist;

import ua.clusterflow.engine.Variable;

/** The variables every process carries, whichever feature started it. */
public final class ProcessVariables {

    /** The case's title, which every process carries for the board's ballots, reminders and task mail. */
    public static final Variable<String> CASE_TITLE = Variable.text("caseTitle");

    private ProcessVariables() {
    }
}
