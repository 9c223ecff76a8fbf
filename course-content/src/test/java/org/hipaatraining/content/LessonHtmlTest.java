package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LessonHtmlTest {

    @Test
    void everyLessonFollowsTheHtmlPolicy() {
        List<String> problems = new ArrayList<>();
        for (Module module : Content.catalogue().modules()) {
            for (Lesson lesson : module.lessons()) {
                LessonHtmlPolicy.problems(lesson.html())
                        .forEach(p -> problems.add("modules/" + module.id() + "/" + lesson.file() + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyImageALessonUsesExists() {
        Catalogue catalogue = Content.catalogue();
        for (Module module : catalogue.modules()) {
            for (String asset : module.assets()) {
                assertThat(catalogue.asset(module, asset)).as(module.id() + "/" + asset).isNotEmpty();
            }
        }
    }

    @Test
    void scriptsStylesHandlersAndOutsideResourcesAreRefused() {
        assertThat(LessonHtmlPolicy.problems("<h2>T</h2><section class=\"scenario\"><p>x</p></section><script>alert(1)</script>"))
                .containsExactly("<script> is not allowed in lessons");
        assertThat(LessonHtmlPolicy.problems("<h2 onclick=\"x()\">T</h2><section class=\"scenario\"></section>"))
                .containsExactly("<h2 onclick> is not an allowed attribute");
        assertThat(LessonHtmlPolicy.problems("<h2 style=\"color:red\">T</h2><section class=\"scenario\"></section>"))
                .containsExactly("<h2 style> is not an allowed attribute");
        assertThat(LessonHtmlPolicy.problems("<h2>T</h2><section class=\"scenario\"><img src=\"https://cdn.x/a.png\" alt=\"A\"></section>"))
                .containsExactly("<img src=\"https://cdn.x/a.png\"> must be a relative path inside the module");
        assertThat(LessonHtmlPolicy.problems("<h2>T</h2><section class=\"scenario\"><iframe src=\"x\"></iframe></section>"))
                .containsExactly("<iframe> is not allowed in lessons");
    }

    @Test
    void imagesNeedAltTextAndHeadingsMayNotSkipLevels() {
        assertThat(LessonHtmlPolicy.problems("<h2>T</h2><h4>Deep</h4><section class=\"scenario\"><img src=\"images/a.png\"></section>"))
                .containsExactly("<h4> \"Deep\" skips a heading level (after h2)", "<img src=\"images/a.png\"> needs alt text");
    }

    @Test
    void aLessonWithoutAScenarioIsRefused() {
        assertThat(LessonHtmlPolicy.problems("<h2>T</h2><p>Only facts.</p>"))
                .containsExactly("no <section class=\"scenario\">: every lesson has at least one scenario");
    }

    @Test
    void linksStayInsideThePackageOrUseHttps() {
        assertThat(LessonHtmlPolicy.problems("<h2>T</h2><section class=\"scenario\"><a href=\"javascript:alert(1)\">x</a>"
                + "<a href=\"http://insecure.example\">y</a><a href=\"#top\">z</a><a href=\"https://www.ecfr.gov/\">w</a></section>"))
                .containsExactly("<a href=\"javascript:alert(1)\"> must be #anchor, a relative link or an https: link",
                        "<a href=\"http://insecure.example\"> must be #anchor, a relative link or an https: link");
    }
}
