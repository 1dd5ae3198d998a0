package ua.clusterflow.engine;

/**
 * A field a form repeats in numbered slots (the first reviewer's e-mail, the second partner's country), as
 * {@code prefix + slot + suffix}: {@code reviewer1Email}.
 */
public record SlotVariable(String prefix, String suffix) {

    /** The variable's name in the given slot, from 1. */
    public String name(int slot) {
        return prefix + slot + suffix;
    }

    public Variable<String> in(int slot) {
        return Variable.text(name(slot));
    }
}
