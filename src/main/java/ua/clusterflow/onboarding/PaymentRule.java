package ua.clusterflow.onboarding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.FormRule;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.PaymentStep;

/**
 * A fee is paid on a day that has come, and not before the organisation applied; a bank statement's line confirms it
 * as paid.
 */
@Component
public class PaymentRule implements FormRule, PaymentStep {

    private final OnboardingApplicationRepository applications;

    public PaymentRule(OnboardingApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    public String formId() {
        return "member-onboarding-payment";
    }

    @Override
    public Map<String, List<String>> confirmation(LocalDate paidOn, String reference, String note) {
        return Map.of("paymentOutcome", List.of("paid"), "paidOn", List.of(paidOn.toString()),
                "paymentReference", List.of(reference), "paymentNote", List.of(note));
    }

    @Override
    public void check(FormSubmission submission, String businessKey) {
        if (!(submission.values().get("paidOn") instanceof LocalDate paidOn)) {
            return;
        }
        if (paidOn.isAfter(AppClock.today())) {
            submission.reject("paidOn", "error.date.future");
            return;
        }
        if (businessKey != null) {
            applications.findByReference(businessKey).ifPresent(a -> {
                LocalDate applied = a.createdAt().atZone(AppClock.KYIV).toLocalDate();
                if (paidOn.isBefore(applied)) {
                    submission.reject("paidOn", "onboarding.error.paidBeforeApplied", applied.toString());
                }
            });
        }
    }
}
