package ua.clusterflow.delegation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Formats;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.CaseDetails;

/** A role proposal or term on its case page and task pages. */
@Component
public class RoleCaseDetails implements CaseDetails {

    private final RoleRegistry registry;
    private final ClusterDirectory directory;
    private final Formats formats;
    private final MessageSource messages;

    public RoleCaseDetails(RoleRegistry registry, ClusterDirectory directory, Formats formats,
                           MessageSource messages) {
        this.messages = messages;
        this.formats = formats;
        this.registry = registry;
        this.directory = directory;
    }

    @Override
    public boolean supports(String processKey) {
        return DelegationCases.PROCESS_KEY.equals(processKey);
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        registry.byBusinessKey(businessKey).ifPresent(term -> {
            registry.role(term.clusterId(), term.roleCode())
                    .ifPresent(role -> facts.put("role.role", role.name(LocaleContextHolder.getLocale())));
            facts.put("role.holder", directory.displayName(term.holder()));
            facts.put("role.responsibilities", term.responsibilities());
            facts.put("role.expectedResults", term.expectedResults());
            facts.put("role.hoursPerMonth", String.valueOf(term.hoursPerMonth()));
            facts.put("role.term", formats.days(term.termStart(), term.termEnd()) + " (" + term.termNumber() + ")");
        });
        return facts;
    }

    /** A term that holds is put to the board to be revoked; any other, to be given to its nominee. */
    @Override
    public Optional<String> voteQuestion(String businessKey) {
        return registry.byBusinessKey(businessKey).map(term -> messages.getMessage(
                term.active() ? "vote.question.revoke" : "vote.question.appoint",
                new Object[] {directory.displayName(term.holder()), registry.role(term.clusterId(), term.roleCode())
                        .map(role -> role.name(LocaleContextHolder.getLocale())).orElse(term.roleCode()),
                        formats.days(term.termStart(), term.termEnd())}, LocaleContextHolder.getLocale()));
    }
}
