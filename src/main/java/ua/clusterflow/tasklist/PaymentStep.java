package ua.clusterflow.tasklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A step of a feature's process that waits for an invoice to be paid (the joining fee, the year's dues): a line of
 * the bank's statement completes it as the coordinator's confirmation does, with the values its form takes, checked
 * by the form and its rules as if the coordinator had typed them.
 */
public interface PaymentStep {

    /** The form of the step's task. */
    String formId();

    /** The form's values for a payment made on the day, with the payment's reference and a note for the history. */
    Map<String, List<String>> confirmation(LocalDate paidOn, String reference, String note);
}
