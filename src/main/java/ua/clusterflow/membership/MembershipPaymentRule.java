package ua.clusterflow.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.FormRule;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.PaymentStep;

/** The year's dues are paid on a day that has come; a bank statement's line confirms them as paid. */
@Component
public class MembershipPaymentRule implements FormRule, PaymentStep {

    @Override
    public String formId() {
        return "membership-renewal-payment";
    }

    @Override
    public Map<String, List<String>> confirmation(LocalDate paidOn, String reference, String note) {
        return Map.of("paidOn", List.of(paidOn.toString()), "paymentReference", List.of(reference),
                "paymentNote", List.of(note));
    }

    @Override
    public void check(FormSubmission submission, String businessKey) {
        if (submission.values().get("paidOn") instanceof LocalDate paidOn && paidOn.isAfter(AppClock.today())) {
            submission.reject("paidOn", "error.date.future");
        }
    }
}
