package ua.clusterflow.grant;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.system.AppClock;
import ua.clusterflow.system.Formats;

/** The cluster's letter of support for an application, in Ukrainian and English, as a PDF with its fonts embedded. */
@Component
public class SupportLetter {

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private final ITemplateEngine templates;
    private final Formats formats;

    public SupportLetter(ITemplateEngine templates, Formats formats) {
        this.templates = templates;
        this.formats = formats;
    }

    public byte[] render(GrantApplication application, String organisation, String clusterName, String chairName) {
        Context context = new Context(Locale.forLanguageTag("uk"));
        context.setVariable("grant", application);
        context.setVariable("organisation", organisation);
        context.setVariable("clusterName", clusterName);
        context.setVariable("chairName", chairName);
        context.setVariable("date", formats.date(AppClock.now()));
        context.setVariable("partners", application.partners().stream()
                .map(p -> p.name() + " (" + Countries.name(p.country(), Locale.ENGLISH) + ")").toList());
        String html = templates.process("pdf/support-letter", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = SupportLetter.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("Font " + file + " is missing from the classpath");
        }
        return in;
    }
}
