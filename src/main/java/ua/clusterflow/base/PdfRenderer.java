package ua.clusterflow.base;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Documents as PDF: a Thymeleaf template under {@code templates/pdf/}, with DejaVu fonts embedded for Cyrillic. */
@Component
public class PdfRenderer {

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private final ITemplateEngine templates;
    private final Formats formats;

    public PdfRenderer(ITemplateEngine templates, Formats formats) {
        this.templates = templates;
        this.formats = formats;
    }

    public byte[] render(String template, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale);
        context.setVariables(variables);
        // rendered outside Spring MVC: the formats come as a variable, in the document's language
        context.setVariable("formats", formats);
        String html = Formats.inLanguage(locale, () -> templates.process("pdf/" + template, context));
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
        InputStream in = PdfRenderer.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("Font " + file + " is missing from the classpath");
        }
        return in;
    }
}
