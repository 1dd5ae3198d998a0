package ua.clusterflow.onboarding;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Formats;
import ua.clusterflow.tasklist.CaseDetails;

/** The application itself, on its case page. */
@Component
public class OnboardingCaseDetails implements CaseDetails {

    private final OnboardingApplicationRepository applications;
    private final MessageSource messages;
    private final Formats formats;

    public OnboardingCaseDetails(OnboardingApplicationRepository applications, MessageSource messages,
                                 Formats formats) {
        this.formats = formats;
        this.applications = applications;
        this.messages = messages;
    }

    @Override
    public boolean staffOnly() {
        return true;
    }

    @Override
    public boolean supports(String processKey) {
        return OnboardingCases.PROCESS_KEY.equals(processKey);
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        applications.findByReference(businessKey).ifPresent(a -> {
            facts.put("onboarding.name", a.name());
            facts.put("onboarding.edrpou", a.edrpou());
            facts.put("onboarding.category", text("form.member-onboarding-application.category." + a.category(), a.category()));
            facts.put("onboarding.sectors", Arrays.stream(a.sectors().split(","))
                    .map(sector -> text("form.member-onboarding-application.sectors." + sector, sector))
                    .collect(Collectors.joining(", ")));
            facts.put("onboarding.headcount", String.valueOf(a.headcount()));
            facts.put("onboarding.region", a.region());
            facts.put("onboarding.contact", a.contactName() + " · " + a.contactEmail()
                    + (a.contactPhone() == null ? "" : " · " + a.contactPhone()));
            facts.put("onboarding.offers", a.offers());
            facts.put("onboarding.needs", a.needs());
            if (a.feeCategory() != null) {
                facts.put("onboarding.fee", text(a.feeCategoryKey(), a.feeCategory()) + " · "
                        + formats.money(a.annualFee(), "UAH"));
            }
            if (a.decisionReason() != null) {
                facts.put("onboarding.reason", a.decisionReason());
            }
        });
        return facts;
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
    }

    @Override
    public Optional<String> voteQuestion(String businessKey) {
        return applications.findByReference(businessKey).map(a -> messages.getMessage("vote.question.admit",
                new Object[] {a.name(), a.edrpou()}, LocaleContextHolder.getLocale()));
    }
}
