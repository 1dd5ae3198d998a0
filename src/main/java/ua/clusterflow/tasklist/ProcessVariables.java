package ua.clusterflow.tasklist;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading a case's variables the way every feature's delegates do: no casts spread over them, one place per rule. */
public final class ProcessVariables {

    /** The case's title, which every process carries for the board's ballots, reminders and task mail. */
    public static final String CASE_TITLE = "caseTitle";

    private ProcessVariables() {
    }

    /** The variable as text; null when it is not set. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** The variable as text when something was filled in; null when it is not set or blank. */
    public static String filledIn(VariableScope scope, String name) {
        String value = text(scope, name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The variable as a whole number; the fallback when it is not set or not a number. */
    public static int number(VariableScope scope, String name, int fallback) {
        return scope.getVariable(name) instanceof Number n ? n.intValue() : fallback;
    }

    /** A date the form or the case set (stored as the start of that day in Kyiv); null when it is not set. */
    public static java.time.LocalDate day(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(ua.clusterflow.base.AppClock.KYIV).toLocalDate();
        }
        return value == null ? null : java.time.LocalDate.parse(value.toString());
    }

    /** The id of a record the case belongs to, which the case always carries. */
    public static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }
}
