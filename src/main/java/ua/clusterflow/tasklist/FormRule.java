package ua.clusterflow.tasklist;

import java.util.function.BiConsumer;

/**
 * A check across the fields of one form, beyond what each field says of itself; with the case the form belongs to,
 * a check of values against what they belong to (a funded amount against the request, attendance against places).
 */
public interface FormRule {

    String formId();

    /** @param businessKey the case of the task, or null for a form that starts one */
    void check(FormSubmission submission, String businessKey);

    /** A rule of a task's form, checked against its case (never for a form that starts one). */
    static FormRule ofCase(String formId, BiConsumer<FormSubmission, String> check) {
        return new FormRule() {
            @Override
            public String formId() {
                return formId;
            }

            @Override
            public void check(FormSubmission submission, String businessKey) {
                if (businessKey != null) {
                    check.accept(submission, businessKey);
                }
            }
        };
    }
}
