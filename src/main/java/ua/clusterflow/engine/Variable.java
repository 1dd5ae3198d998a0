package ua.clusterflow.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import ua.clusterflow.base.AppClock;

/**
 * A process variable declared once, with its name and its type, in its process's {@code XxxProcess} class: delegates
 * read and write it through this, so no cast or name is spelled out where it is used. A value the engine stores in
 * another form (a whole number as a long, a form's date as text) is read into the declared type here.
 */
public final class Variable<T> {

    private final String name;
    private final Function<Object, T> reading;
    private final Function<T, Object> writing;

    private Variable(String name, Function<Object, T> reading) {
        this(name, reading, value -> value);
    }

    private Variable(String name, Function<Object, T> reading, Function<T, Object> writing) {
        this.name = name;
        this.reading = reading;
        this.writing = writing;
    }

    /**
     * Values of variables, each written as its variable stores it, to start a case with, send with a message or set on
     * a running case: {@code Variable.values().and(MEETUP_ID, meetup.id()).and(CASE_TITLE, title)}.
     */
    public static final class Values extends HashMap<String, Object> {

        private Values() {
        }

        public <V> Values and(Variable<V> variable, V value) {
            put(variable.name, variable.stored(value));
            return this;
        }
    }

    public static Values values() {
        return new Values();
    }

    /** The value as the engine stores it: a day as ISO text, anything else as it is. */
    public Object stored(T value) {
        return value == null ? null : writing.apply(value);
    }

    /** Sets the value on a running case (or one of its executions) from outside it. */
    public void setOn(RuntimeService runtime, String executionId, T value) {
        runtime.setVariable(executionId, name, stored(value));
    }

    public static Variable<String> text(String name) {
        return new Variable<>(name, Object::toString);
    }

    public static Variable<Integer> number(String name) {
        return new Variable<>(name, value -> value instanceof Number n ? n.intValue() : null);
    }

    /** The id of a record the case belongs to. */
    public static Variable<Long> id(String name) {
        return longNumber(name);
    }

    public static Variable<Long> longNumber(String name) {
        return new Variable<>(name, value -> value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
    }

    public static Variable<BigDecimal> amount(String name) {
        return new Variable<>(name, value -> value instanceof BigDecimal d ? d
                : BigDecimal.valueOf(((Number) value).doubleValue()));
    }

    /** A date a form or the case set, stored as the start of that day in Kyiv or as ISO text. */
    public static Variable<LocalDate> day(String name) {
        return new Variable<>(name, value -> value instanceof Date date
                ? date.toInstant().atZone(AppClock.KYIV).toLocalDate() : LocalDate.parse(value.toString()),
                LocalDate::toString);
    }

    /** A moment a timer waits for. */
    public static Variable<Date> moment(String name) {
        return new Variable<>(name, Date.class::cast);
    }

    public static Variable<Boolean> flag(String name) {
        return new Variable<>(name, value -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString()));
    }

    public String name() {
        return name;
    }

    /** The value; null when it is not set. */
    public T from(VariableScope scope) {
        Object value = scope.getVariable(name);
        return value == null ? null : reading.apply(value);
    }

    /** The value; the fallback when it is not set or cannot be read as this type. */
    public T from(VariableScope scope, T fallback) {
        T value = from(scope);
        return value == null ? fallback : value;
    }

    /** The value when something was filled in; null when it is not set or blank. */
    public T filledIn(VariableScope scope) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : reading.apply(value);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, stored(value));
    }

    @Override
    public String toString() {
        return name;
    }
}
