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
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .usePDDocument(document)
                    .withW3cDocument(W3CDom.convert(Jsoup.parse(html)), "/")
                    .withProducer("HIPAA training LRS")
                    .toStream(pdf);
            if (liberation != null) {
                use(builder, document, FAMILY, liberation);
            } else {
                builder.useFont(new WithoutSubstitutions(document, PdfRenderer::bundledRegular),
                        FAMILY, 400, FontStyle.NORMAL, true);
            }
            if (dejavu != null) {
                use(builder, document, FALLBACK, dejavu);
            }
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static void use(PdfRendererBuilder builder, PDDocument document, String family, Faces faces) {
        builder.useFont(WithoutSubstitutions.of(document, faces.regular()), family, 400, FontStyle.NORMAL, true);
        if (faces.bold() != null) {
            builder.useFont(WithoutSubstitutions.of(document, faces.bold()), family, 700, FontStyle.NORMAL, true);
        }
        if (faces.italic() != null) {
            builder.useFont(WithoutSubstitutions.of(document, faces.italic()), family, 400, FontStyle.ITALIC, true);
        }
    }

    /** Opens a font's bytes. */
    @FunctionalInterface
    interface FontSource {
        RandomAccessRead open() throws IOException;
    }

    /**
     * A face read when the document first sets text in it, with the font's glyph substitutions (its GSUB table) off.
     * PDFBox applies a TrueType font's substitutions to every string it shows and compiles a pattern of the font's
     * substitutable glyph runs each time: three quarters of an audit package's rendering time went there. For the
     * Latin text of these reports the substitutions are ligatures ("fi" as one glyph), which also keep those letters
     * out of the text an auditor searches or copies.
     */
    static final class WithoutSubstitutions extends PDFontSupplier {
        private final PDDocument document;
        private final FontSource source;
        private PDFont font;

        WithoutSubstitutions(PDDocument document, FontSource source) {
            super(null);
            this.document = document;
            this.source = source;
        }

        static WithoutSubstitutions of(PDDocument document, File file) {
            return new WithoutSubstitutions(document, () -> new RandomAccessReadBufferedFile(file));
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    TrueTypeFont face = new TTFParser().parse(source.open());
                    face.setEnableGsub(false);
                    document.registerTrueTypeFontForClosing(face);
                    font = PDType0Font.load(document, face, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }

    /** The regular face PDFBox ships, read whole (the resource's stream closed again). */
    static RandomAccessRead bundledRegular() throws IOException {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(BUNDLED)) {
            return new RandomAccessReadBuffer(in.readAllBytes());
        }
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
