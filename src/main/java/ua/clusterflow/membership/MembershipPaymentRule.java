package ua.clusterflow.membership;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.FormRule;
import ua.clusterflow.tasklist.FormSubmission;

/** The year's dues are paid on a day that has come. */
@Component
public class MembershipPaymentRule implements FormRule {

    @Override
    public String formId() {
        return "membership-renewal-payment";
    }

    @Override
    public void check(FormSubmission submission, String businessKey) {
        if (submission.values().get("paidOn") instanceof LocalDate paidOn && paidOn.isAfter(AppClock.today())) {
            submission.reject("paidOn", "error.date.future");
        }
    }
}
