package ua.clusterflow.tasklist;

/** A check across the fields of one form, beyond what each field says of itself. */
public interface FormRule {

    String formId();

    void check(FormSubmission submission);
}
