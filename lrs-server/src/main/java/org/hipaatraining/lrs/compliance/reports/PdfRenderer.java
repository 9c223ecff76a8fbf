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
 * Templates set text in {@code font-family: "Report Sans", "Report Fallback", sans-serif}. Report Sans is Liberation
 * Sans from the system when installed, else the regular face PDFBox ships; Report Fallback is DejaVu Sans when
 * installed, for letters Liberation lacks (Vietnamese, for one). Embedded TrueType fonts are what keep names such as
 * "Zoë Nguyễn" intact: the PDF standard fonts cover Western European letters only.
 */
@Component
public class PdfRenderer {

    static final String FAMILY = "Report Sans";
    static final String FALLBACK = "Report Fallback";
    private static final String BUNDLED = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final List<String> FONT_FOLDERS = List.of("/usr/share/fonts/truetype/liberation",
            "/usr/share/fonts/liberation-sans", "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu", "/usr/share/fonts/dejavu-sans-fonts");

    /** A family's faces as installed: regular, bold, italic. */
    private record Faces(File regular, File bold, File italic) {
    }

    private final ITemplateEngine templates;
    private final Faces liberation;
    private final Faces dejavu;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
        this.liberation = find("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf");
        this.dejavu = find("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf");
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
            if (liberation != null) {
                use(builder, FAMILY, liberation);
            } else {
                builder.useFont(PdfRenderer::bundledRegular, FAMILY, 400, FontStyle.NORMAL, true);
            }
            if (dejavu != null) {
                use(builder, FALLBACK, dejavu);
            }
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static void use(PdfRendererBuilder builder, String family, Faces faces) {
        builder.useFont(faces.regular(), family, 400, FontStyle.NORMAL, true);
        if (faces.bold() != null) {
            builder.useFont(faces.bold(), family, 700, FontStyle.NORMAL, true);
        }
        if (faces.italic() != null) {
            builder.useFont(faces.italic(), family, 400, FontStyle.ITALIC, true);
        }
    }

    private static InputStream bundledRegular() {
        return PdfRenderer.class.getResourceAsStream(BUNDLED);
    }

    private static Faces find(String regular, String bold, String italic) {
        for (String folder : FONT_FOLDERS) {
            File file = new File(folder, regular);
            if (file.isFile()) {
                return new Faces(file, existing(folder, bold), existing(folder, italic));
            }
        }
        return null;
    }

    private static File existing(String folder, String name) {
        File file = new File(folder, name);
        return file.isFile() ? file : null;
    }
}
