package org.hipaatraining.packager.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hipaatraining.content.Module;
import org.hipaatraining.content.PolicyExcerpt;
import org.hipaatraining.packager.html.ProcessedLesson;

/**
 * One module as a package ships it: one SCO / AU / launch page, with the lessons this package shows.
 *
 * @param lessons the selected lessons, processed, in the module's order
 * @param policy  what the acknowledgement shows of the policy it cites; null without an acknowledgement, or for content
 *                that has no policies (the acknowledgement then shows its statement only)
 */
public record CourseModule(Module module, List<ProcessedLesson> lessons, PolicyExcerpt policy) {

    public CourseModule {
        lessons = List.copyOf(lessons);
    }

    /** The module's launch page inside the package; SCO href, AU url and tincan launch all point here. */
    public String launchPath() {
        return "modules/" + module.id() + "/index.html";
    }

    /** The folder the page and its images sit in, ending in "/". */
    public String folder() {
        return "modules/" + module.id() + "/";
    }

    /** The images the shown lessons use, by path relative to the module page, sorted. */
    public Map<String, byte[]> images() {
        Map<String, byte[]> images = new TreeMap<>();
        lessons.forEach(lesson -> images.putAll(lesson.images()));
        return images;
    }

    /** Every file of this module in the package, by zip path: the page first, then its images, sorted. */
    public List<String> files() {
        List<String> files = new ArrayList<>();
        files.add(launchPath());
        images().keySet().forEach(image -> files.add(folder() + image));
        return files;
    }

    /** Whether the module ends in a knowledge check (passed/failed) or completes after the last lesson. */
    public boolean hasQuestions() {
        return !module.questions().isEmpty();
    }
}
