package ua.clusterflow.grant;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Formats;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.tasklist.CaseDetails;

/**
 * A grant application on its case page and task pages: the call, budget and consortium, the
 * screening table's advice, partner suggestions for the staff, the reviews and the outcome.
 */
@Component
public class GrantCaseDetails implements CaseDetails {

    private final GrantRepository grants;
    private final GrantService service;
    private final GrantReviews reviewRounds;
    private final MemberOrganisationRepository organisations;
    private final MessageSource messages;
    private final Formats formats;

    public GrantCaseDetails(GrantRepository grants, GrantService service, GrantReviews reviewRounds,
                            MemberOrganisationRepository organisations, MessageSource messages,
                            Formats formats) {
        this.formats = formats;
        this.reviewRounds = reviewRounds;
        this.grants = grants;
        this.service = service;
        this.organisations = organisations;
        this.messages = messages;
    }

    @Override
    public boolean supports(String processKey) {
        return GrantCases.PROCESS_KEY.equals(processKey);
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        GrantApplication a = grants.findByReference(businessKey).orElse(null);
        if (a == null) {
            return facts;
        }
        Locale locale = LocaleContextHolder.getLocale();
        facts.put("grant.organisation", organisations.name(a.organisationId()));
        facts.put("grant.programme", a.programme() == null ? "—" : text("grant.programme." + a.programme()));
        facts.put("grant.callId", nz(a.callId()));
        if (a.callDeadline() != null) {
            long days = ChronoUnit.DAYS.between(AppClock.today(), a.callDeadline());
            facts.put("grant.callDeadline", formats.date(a.callDeadline()) + " · " + messages.getMessage("grant.daysLeft",
                    new Object[] {days}, locale));
        }
        if (a.titleEn() != null && !"en".equals(locale.getLanguage())) {
            facts.put("grant.titleEn", a.titleEn());
        }
        facts.put("grant.summary", nz(a.summaryIn(locale.getLanguage())));
        if (a.summaryEn() != null && !"en".equals(locale.getLanguage())) {
            facts.put("grant.summaryEn", a.summaryEn());
        }
        facts.put("grant.requestedBudget", a.requestedBudget() == null ? "—" : formats.money(a.requestedBudget(), "EUR"));
        facts.put("grant.coFinancing", a.coFinancing() == null ? "—" : formats.money(a.coFinancing(), "EUR"));
        facts.put("grant.partners", a.partners().isEmpty() ? "—" : a.partners().stream()
                .map(p -> p.name() + " — " + Countries.name(p.country(), locale) + " — " + p.role()
                        + (p.foundByCluster() ? " ★" : ""))
                .collect(Collectors.joining("\n")));
        if (a.programme() != null) {
            facts.put("grant.euPartners", a.euPartners() + " / " + service.euPartnersRequired(a.programme()));
        }
        if (a.status() == GrantStatus.SCREENING || a.status() == GrantStatus.PARTNER_SEARCH) {
            List<String> advice = service.advice(a);
            facts.put("grant.advice", advice.isEmpty() ? text("grant.advice.none")
                    : advice.stream().map(code -> text("grant.advice." + code)).collect(Collectors.joining("\n")));
        }
        if (a.status() == GrantStatus.PARTNER_SEARCH && staff()) {
            CurrentUser user = (CurrentUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
            List<GrantService.Suggestion> suggestions = service.suggestPartners(a, user.clusterIds());
            facts.put("grant.suggestions", suggestions.isEmpty() ? text("grant.suggestions.none")
                    : suggestions.stream().map(s -> s.name() + ": " + s.offers()).collect(Collectors.joining("\n")));
        }
        ReviewSummary reviews = reviewRounds.reviews(a);
        if (!reviews.submitted().isEmpty()) {
            facts.put("grant.reviews", reviews.describe());
        }
        if (a.screeningComment() != null) {
            facts.put("grant.screeningComment", a.screeningComment());
        }
        if (a.submissionReference() != null) {
            facts.put("grant.submissionReference", a.submissionReference());
        }
        if (a.outcome() != null) {
            facts.put("grant.outcome", text("grant.outcome." + a.outcome())
                    + (a.amountGranted() == null ? "" : " · " + formats.money(a.amountGranted(), "EUR")));
        }
        return facts;
    }

    private static boolean staff() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                && user.isStaffAnywhere();
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    @Override
    public Optional<String> voteQuestion(String businessKey) {
        return grants.findByReference(businessKey).map(a -> messages.getMessage("vote.question.support",
                new Object[] {nz(a.title()), organisations.name(a.organisationId()),
                        a.programme() == null ? "—" : text("grant.programme." + a.programme()), nz(a.callId())},
                LocaleContextHolder.getLocale()));
    }
}
