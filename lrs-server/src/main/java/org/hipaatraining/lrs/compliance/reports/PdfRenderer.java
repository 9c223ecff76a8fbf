package org.hipaatraining.lrs.compliance.reports;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template (under {@code templates/reports/}) to PDF: the template's HTML is parsed by jsoup into
 * a DOM, which openhtmltopdf lays out with the page rules of the template's CSS.
 * <p>
 * Text is set in {@value #FAMILY}: Liberation Sans (or DejaVu Sans) from the system when installed, otherwise the
 * regular face PDFBox ships. An embedded TrueType font is what keeps names such as "Nguyễn" or "Zoë" intact; the
 * PDF standard fonts only cover Western European letters.
 */
@Component
public class PdfRenderer {

    static final String FAMILY = "Report Sans";
    private static final String BUNDLED = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final List<String> FONT_FOLDERS = List.of("/usr/share/fonts/truetype/liberation",
            "/usr/share/fonts/liberation-sans", "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu");

    private final ITemplateEngine templates;
    private final Map<String, File> systemFaces;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
        this.systemFaces = findSystemFaces();
    }

    /** The PDF of {@code reports/{template}.html} filled with {@code variables}. */
    public byte[] render(String template, Map<String, Object> variables) {
        String html = templates.process("reports/" + template, new Context(Locale.US, variables));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .withW3cDocument(W3CDom.convert(Jsoup.parse(html)), "/")
                    .withProducer("HIPAA training LRS")
                    .toStream(pdf);
            fonts(builder);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private void fonts(PdfRendererBuilder builder) {
        File regular = systemFaces.get("regular");
        if (regular != null) {
            builder.useFont(regular, FAMILY, 400, FontStyle.NORMAL, true);
        } else {
            builder.useFont(PdfRenderer::bundledRegular, FAMILY, 400, FontStyle.NORMAL, true);
        }
        if (systemFaces.containsKey("bold")) {
            builder.useFont(systemFaces.get("bold"), FAMILY, 700, FontStyle.NORMAL, true);
        }
        if (systemFaces.containsKey("italic")) {
            builder.useFont(systemFaces.get("italic"), FAMILY, 400, FontStyle.ITALIC, true);
        }
    }

    private static InputStream bundledRegular() {
        return PdfRenderer.class.getResourceAsStream(BUNDLED);
    }

    /** The regular, bold and italic faces of the first sans-serif family installed, if any. */
    private static Map<String, File> findSystemFaces() {
        for (String folder : FONT_FOLDERS) {
            for (String family : List.of("LiberationSans", "DejaVuSans")) {
                File regular = new File(folder, family + (family.startsWith("Liberation") ? "-Regular.ttf" : ".ttf"));
                File bold = new File(folder, family + "-Bold.ttf");
                File italic = new File(folder, family + (family.startsWith("Liberation") ? "-Italic.ttf" : "-Oblique.ttf"));
                if (regular.isFile() && bold.isFile()) {
                    return italic.isFile() ? Map.of("regular", regular, "bold", bold, "italic", italic)
                            : Map.of("regular", regular, "bold", bold);
                }
            }
        }
        return Map.of();
    }
}
