package ua.clusterflow.tasklist;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the board is asked in a case, in words, from the feature the case belongs to ({@link CaseDetails}), in the
 * reader's language: the ballot, the vote's page, its mails and the register of decisions name the question, not the
 * case's title alone.
 */
@Component
public class VoteQuestions {

    private final CaseRepository cases;
    private final List<CaseDetails> details;

    public VoteQuestions(CaseRepository cases, List<CaseDetails> details) {
        this.cases = cases;
        this.details = details;
    }

    /** The question in the language of the request (or of the thread's mail). */
    public Optional<String> of(String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        return cases.find(businessKey).flatMap(c -> details.stream().filter(d -> d.supports(c.processKey()))
                .findFirst()).flatMap(d -> d.voteQuestion(businessKey));
    }

    /** The question in a given language, for a reader other than the one asking (a mail, a register line). */
    public Optional<String> of(String businessKey, Locale locale) {
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            return of(businessKey);
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }
}
