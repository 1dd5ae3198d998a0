package ua.clusterflow.grant;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Formats;
import ua.clusterflow.base.PdfRenderer;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.cluster.OutgoingLetters;

/**
 * The cluster's letter of support for an application, in Ukrainian and English, as a PDF: numbered in the cluster's
 * register of outgoing letters, addressed to the call's evaluators, each half in its own language's words and formats
 * (the programme by its name, the budget as 350 000,00 EUR and EUR 350,000.00, the partners' countries).
 */
@Component
public class SupportLetter {

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final PdfRenderer pdf;
    private final Formats formats;
    private final MessageSource messages;
    private final OutgoingLetters outgoing;

    public SupportLetter(PdfRenderer pdf, Formats formats, MessageSource messages, OutgoingLetters outgoing) {
        this.pdf = pdf;
        this.formats = formats;
        this.messages = messages;
        this.outgoing = outgoing;
    }

    public byte[] render(GrantApplication application, String organisation, String clusterName, String chairName) {
        OutgoingLetters.Number number = outgoing.register(application.clusterId(), application.reference(),
                "Evaluators of the call " + application.callId(), AppClock.today());
        Map<String, Object> variables = new HashMap<>();
        variables.put("grant", application);
        variables.put("organisation", organisation);
        variables.put("clusterName", clusterName);
        variables.put("chairName", chairName);
        variables.put("number", number.printed());
        variables.put("dateUk", Formats.inLanguage(UKRAINIAN, () -> formats.date(number.issuedOn())));
        variables.put("dateEn", Formats.inLanguage(Locale.ENGLISH, () -> formats.date(number.issuedOn())));
        variables.put("programmeUk", programme(application, UKRAINIAN));
        variables.put("programmeEn", programme(application, Locale.ENGLISH));
        variables.put("budgetUk", Formats.inLanguage(UKRAINIAN, () -> formats.money(application.requestedBudget(), "EUR")));
        variables.put("budgetEn", Formats.inLanguage(Locale.ENGLISH,
                () -> formats.money(application.requestedBudget(), "EUR")));
        variables.put("partnersUk", partners(application, UKRAINIAN));
        variables.put("partnersEn", partners(application, Locale.ENGLISH));
        return pdf.render("support-letter", UKRAINIAN, variables);
    }

    private String programme(GrantApplication application, Locale locale) {
        String key = application.programme();
        return key == null ? "" : messages.getMessage("grant.programme." + key, null, key, locale);
    }

    private static String partners(GrantApplication application, Locale locale) {
        return String.join(", ", application.partners().stream()
                .map(p -> p.name() + " (" + Countries.name(p.country(), locale) + ")").toList());
    }
}
