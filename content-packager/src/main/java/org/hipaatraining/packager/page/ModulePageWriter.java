package org.hipaatraining.packager.page;

import java.nio.charset.StandardCharsets;

import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseModule;
import org.jsoup.nodes.Entities;

/**
 * Writes {@code modules/<moduleId>/index.html}, the page an LMS launches for one module (the SCO, AU or tincan launch).
 * The page is only a shell: the player script renders everything from the inline module data. The data is inline rather
 * than fetched because SCORM LMSs show content in iframes and some run it from file://, where fetch fails.
 */
public final class ModulePageWriter {

    /** The player's files relative to a module page: modules/<id>/ is two levels below the zip root. */
    static final String PLAYER = "../../player/";

    private ModulePageWriter() {
    }

    public static byte[] write(Course course, CourseModule module, PackageFormat format, String packageVersion) {
        String data = ModuleData.toScriptText(ModuleData.toJson(course, module, format, packageVersion));
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="%splayer.css">
                <script type="application/json" id="module-data">%s</script>
                <script src="%splayer.js" defer></script>
                </head>
                <body>
                <noscript><p>This training needs JavaScript. Please turn it on or ask your practice manager for help.</p></noscript>
                </body>
                </html>
                """.formatted(Entities.escape(module.module().title()), PLAYER, data, PLAYER);
        return page.getBytes(StandardCharsets.UTF_8);
    }
}
