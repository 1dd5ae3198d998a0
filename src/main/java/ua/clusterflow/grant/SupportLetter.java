package ua.clusterflow.grant;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Formats;
import ua.clusterflow.base.PdfRenderer;
import ua.clusterflow.cluster.Countries;

/** The cluster's letter of support for an application, in Ukrainian and English, as a PDF. */
@Component
public class SupportLetter {

    private final PdfRenderer pdf;
    private final Formats formats;

    public SupportLetter(PdfRenderer pdf, Formats formats) {
        this.pdf = pdf;
        this.formats = formats;
    }

    public byte[] render(GrantApplication application, String organisation, String clusterName, String chairName) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("grant", application);
        variables.put("organisation", organisation);
        variables.put("clusterName", clusterName);
        variables.put("chairName", chairName);
        variables.put("date", formats.date(AppClock.now()));
        variables.put("partners", application.partners().stream()
                .map(p -> p.name() + " (" + Countries.name(p.country(), Locale.ENGLISH) + ")").toList());
        return pdf.render("support-letter", Locale.forLanguageTag("uk"), variables);
    }
}
