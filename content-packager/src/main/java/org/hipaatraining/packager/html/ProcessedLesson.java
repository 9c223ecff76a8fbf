package org.hipaatraining.packager.html;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.hipaatraining.content.Lesson;

/**
 * A lesson ready for the module page: its HTML checked against the lesson policy, image paths rewritten relative to
 * {@code modules/<moduleId>/index.html}, and the images it needs.
 *
 * @param html   the fragment with rewritten image paths
 * @param images image bytes by path relative to the module page ({@code images/x.png}), sorted by path
 */
public record ProcessedLesson(Lesson lesson, String html, Map<String, byte[]> images) {

    public ProcessedLesson {
        images = Collections.unmodifiableMap(new TreeMap<>(images));
    }
}
