package ua.clusterflow.onboarding;

import org.springframework.stereotype.Component;
import ua.clusterflow.cluster.PaymentDetails;
import ua.clusterflow.tasklist.FormRule;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * An application accepted goes on to the fee invoice: it is accepted once the cluster says where the fee is paid, so
 * that no invoice leaves without its bank details and the coordinator learns of it before, not from the member.
 */
@Component
public class InvoiceDetailsRule implements FormRule {

    private final OnboardingApplicationRepository applications;
    private final PaymentDetails paymentDetails;

    public InvoiceDetailsRule(OnboardingApplicationRepository applications, PaymentDetails paymentDetails) {
        this.applications = applications;
        this.paymentDetails = paymentDetails;
    }

    @Override
    public String formId() {
        return "member-onboarding-review";
    }

    @Override
    public void check(FormSubmission submission, String businessKey) {
        if (businessKey == null || !"accept".equals(submission.values().get("reviewDecision"))) {
            return;
        }
        applications.findByReference(businessKey)
                .filter(a -> paymentDetails.of(a.clusterId()).isEmpty())
                .ifPresent(a -> submission.reject("reviewDecision", "onboarding.error.noPaymentDetails"));
    }
}
