package ua.clusterflow.membership;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Formats;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.engine.MembershipFee;
import ua.clusterflow.tasklist.CaseDetails;
import ua.clusterflow.tasklist.CaseRepository;

/** A membership year on its case page: the member, its status, and the year's dues and payment. */
@Component
public class MembershipCaseDetails implements CaseDetails {

    private final CaseRepository cases;
    private final MemberOrganisationRepository organisations;
    private final Memberships memberships;
    private final MessageSource messages;
    private final Formats formats;

    public MembershipCaseDetails(CaseRepository cases, MemberOrganisationRepository organisations,
                                 Memberships memberships, MessageSource messages, Formats formats) {
        this.cases = cases;
        this.organisations = organisations;
        this.memberships = memberships;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public boolean supports(String processKey) {
        return MembershipYears.PROCESS_KEY.equals(processKey);
    }

    /** The dues and payments of a member are for its staff and the cluster's, not for every member to follow. */
    @Override
    public boolean staffOnly() {
        return true;
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        cases.find(businessKey).filter(c -> c.organisationId() != null)
                .flatMap(c -> organisations.find(c.organisationId())).ifPresent(org -> {
                    facts.put("onboarding.name", org.name() + " · " + org.edrpou());
                    facts.put("members.status", text("membership.status." + org.status().name()));
                    if (org.paidUntil() != null) {
                        facts.put("members.paidUntil", formats.date(org.paidUntil()));
                    }
                    int year = Integer.parseInt(businessKey.substring(businessKey.lastIndexOf('-') + 1));
                    memberships.duesOf(org.id()).stream().filter(d -> d.yearFrom().getYear() == year)
                            .findFirst().ifPresent(d -> {
                                facts.put("members.dues", text(MembershipFee.categoryKey(d.feeCategory())) + " · "
                                        + formats.money(d.amount(), "UAH"));
                                if (d.invoicedOn() != null) {
                                    facts.put("members.invoicedOn", formats.date(d.invoicedOn()));
                                }
                                if (d.paidOn() != null) {
                                    facts.put("members.paidOn", formats.date(d.paidOn())
                                            + (d.paymentReference() == null ? "" : " · " + d.paymentReference()));
                                }
                            });
                });
        return facts;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** The exclusion put to the board, with the grounds it was proposed on. */
    @Override
    public Optional<String> voteQuestion(String businessKey) {
        Optional<String> grounds = cases.events(businessKey).stream()
                .filter(e -> "exclusion-proposed".equals(e.action())).reduce((first, later) -> later)
                .map(CaseRepository.CaseEvent::detail);
        return grounds.flatMap(reason -> cases.find(businessKey).filter(c -> c.organisationId() != null)
                .flatMap(c -> organisations.find(c.organisationId()))
                .map(org -> messages.getMessage("vote.question.exclude", new Object[] {org.name(), reason},
                        LocaleContextHolder.getLocale())));
    }
}
