package org.hipaatraining.packager.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.packager.Fixtures;
import org.hipaatraining.packager.PackagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonProcessorTest {

    @TempDir
    Path content;

    private ProcessedLesson processDiagramLesson(String html) {
        Fixtures.copyContent(content);
        Fixtures.write(content.resolve("modules/alpha/lessons/diagram.html"), html);
        Catalogue catalogue = Catalogue.load(content);
        Module alpha = catalogue.module("alpha").orElseThrow();
        return new LessonProcessor(catalogue).process(alpha, alpha.lesson("diagram").orElseThrow());
    }

    private static String lesson(String body) {
        return "<h2>Title</h2>" + body + "<section class=\"scenario\"><h2>Scenario</h2><p>Text.</p></section>";
    }

    @Test
    void keepsImagePathsRelativeToTheModulePageAndCarriesTheImage() {
        ProcessedLesson lesson = processDiagramLesson(lesson("<p><img src=\"images/flow.svg\" alt=\"Flow\"></p>"));

        assertThat(lesson.html()).contains("<img src=\"images/flow.svg\" alt=\"Flow\">");
        assertThat(lesson.images()).containsOnlyKeys("images/flow.svg");
        assertThat(new String(lesson.images().get("images/flow.svg"))).startsWith("<svg");
    }

    @Test
    void rewritesADotSlashImagePath() {
        ProcessedLesson lesson = processDiagramLesson(lesson("<p><img src=\"./images/flow.svg\" alt=\"Flow\"></p>"));

        assertThat(lesson.html()).contains("src=\"images/flow.svg\"");
        assertThat(lesson.images()).containsOnlyKeys("images/flow.svg");
    }

    @Test
    void missingImageNamesModuleFileAndElement() {
        assertThatThrownBy(() -> processDiagramLesson(lesson("<p><img src=\"images/x.png\" alt=\"X\"></p>")))
                .isInstanceOf(PackagingException.class)
                .hasMessage("alpha/lessons/diagram.html: <img src=\"images/x.png\">: no such image");
    }

    @Test
    void anchorToAMissingIdNamesTheLink() {
        assertThatThrownBy(() -> processDiagramLesson(lesson("<p><a href=\"#nowhere\">see</a></p>")))
                .isInstanceOf(PackagingException.class)
                .hasMessageStartingWith("alpha/lessons/diagram.html: <a href=\"#nowhere\">: no element with id");
    }

    @Test
    void anchorToAnIdInTheLessonPasses() {
        ProcessedLesson lesson = processDiagramLesson(
                "<h2 id=\"top\">Title</h2><p><a href=\"#top\">up</a></p><section class=\"scenario\"><h2>S</h2></section>");

        assertThat(lesson.html()).contains("<a href=\"#top\">up</a>");
    }

    @Test
    void relativeLinkToAFileNotInThePackageFails() {
        assertThatThrownBy(() -> processDiagramLesson(lesson("<p><a href=\"other-lesson.html\">next</a></p>")))
                .isInstanceOf(PackagingException.class)
                .hasMessageStartingWith("alpha/lessons/diagram.html: <a href=\"other-lesson.html\">: no such file in the package");
    }

    @Test
    void httpsCitationLinksAreLeftAlone() {
        ProcessedLesson lesson = processDiagramLesson(
                lesson("<p><a href=\"https://www.ecfr.gov/current/title-45\">45 CFR</a></p>"));

        assertThat(lesson.html()).contains("href=\"https://www.ecfr.gov/current/title-45\"");
    }

    @Test
    void policyViolationsNameFileAndElement() {
        assertThatThrownBy(() -> processDiagramLesson(lesson("<p onclick=\"steal()\">Hi</p><script>x()</script>")))
                .isInstanceOf(PackagingException.class)
                .hasMessageStartingWith("alpha/lessons/diagram.html: ")
                .hasMessageContaining("<p onclick> is not an allowed attribute")
                .hasMessageContaining("<script> is not allowed in lessons");
    }

    @Test
    void leavesTheAuthorsWhitespaceAndTextAlone() {
        ProcessedLesson lesson = processDiagramLesson(lesson("<p>Two  spaces\nand a line &amp; an ampersand.</p>"));

        assertThat(lesson.html()).contains("<p>Two  spaces\nand a line &amp; an ampersand.</p>");
    }

    @Test
    void packagedPathPutsEveryImageUnderImages() {
        assertThat(LessonProcessor.packagedPath("images/a.png")).isEqualTo("images/a.png");
        assertThat(LessonProcessor.packagedPath("./images//a.png")).isEqualTo("images/a.png");
        assertThat(LessonProcessor.packagedPath("diagrams/a.png")).isEqualTo("images/diagrams/a.png");
    }
}
