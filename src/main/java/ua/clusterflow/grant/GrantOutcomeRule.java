package ua.clusterflow.grant;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Formats;
import ua.clusterflow.tasklist.FormRule;
import ua.clusterflow.tasklist.FormSubmission;

/** A funder grants at most what was asked for: the funded amount is checked against the application's request. */
@Component
public class GrantOutcomeRule implements FormRule {

    private final GrantRepository grants;
    private final Formats formats;

    public GrantOutcomeRule(GrantRepository grants, Formats formats) {
        this.grants = grants;
        this.formats = formats;
    }

    @Override
    public String formId() {
        return "grant-outcome";
    }

    @Override
    public void check(FormSubmission submission, String businessKey) {
        if (!(submission.values().get("amountGranted") instanceof Number granted) || businessKey == null) {
            return;
        }
        grants.findByReference(businessKey).map(GrantApplication::requestedBudget).ifPresent(requested -> {
            if (BigDecimal.valueOf(granted.doubleValue()).compareTo(requested) > 0) {
                submission.reject("amountGranted", "grant.error.grantedOverRequested", formats.money(requested, "EUR"));
            }
        });
    }
}
