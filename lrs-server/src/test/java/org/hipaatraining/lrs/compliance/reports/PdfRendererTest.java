package org.hipaatraining.lrs.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report PDFs' text as an auditor searches and copies it: letters that a font's ligatures would join ("fi",
 * "ffi", "fl") and accented names come out as they were written, in the regular, bold and italic faces. The faces
 * are set without the fonts' glyph substitutions, which PDFBox otherwise applies to every string it draws (three
 * quarters of an audit package's rendering time; docs/performance.md).
 */
class PdfRendererTest {

    private static final String LINE = "Certified official: Zoë Nguyễn filed the affidavit; staff flagged it";

    @Test
    void everyLetterIsInTheTextLayerAsWritten() throws IOException {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("pdf-test/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);

        byte[] pdf = new PdfRenderer(engine).render("letters", Map.of("line", LINE));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text.lines().filter(LINE::equals)).hasSize(3);
        }
    }

    @Test
    void facesAreSetWithoutTheFontsGlyphSubstitutions() throws IOException {
        try (PDDocument document = new PDDocument()) {
            // the font has substitutions PDFBox would apply to each string...
            assertThat(PDType0Font.load(document, PdfRenderer.bundledRegular(), true, true).getGsubData())
                    .isNotSameAs(GsubData.NO_DATA_FOUND);
            // ...and the renderer's face has none
            PDType0Font face = (PDType0Font) new PdfRenderer.WithoutSubstitutions(document, PdfRenderer::bundledRegular).supply();
            assertThat(face.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
        }
    }
}
