package org.hipaatraining.packager.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.ContentException;
import org.hipaatraining.content.Lesson;
import org.hipaatraining.content.LessonHtmlPolicy;
import org.hipaatraining.content.Module;
import org.hipaatraining.packager.PackagingException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a lesson fragment into what the module page embeds. The content tests already apply the lesson policy, but the
 * packager may be handed any content folder, so it checks again and, beyond the policy, that every image and internal
 * link resolves inside the package: a broken link found here is one a learner never meets.
 *
 * <p>Every problem is a {@link PackagingException} naming module, lesson file and element, e.g.
 * {@code privacy/lessons/what-is-phi.html: <img src="images/x.png">: no such image}.
 */
public final class LessonProcessor {

    /** Where a module's images live in the package, relative to its page; the contract fixes it. */
    static final String IMAGES = "images/";

    private final Catalogue catalogue;

    public LessonProcessor(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public ProcessedLesson process(Module module, Lesson lesson) {
        String where = module.id() + "/" + lesson.file();
        List<String> problems = LessonHtmlPolicy.problems(lesson.html());
        if (!problems.isEmpty()) {
            throw new PackagingException(where + ": " + String.join("; ", problems));
        }
        Document document = Jsoup.parseBodyFragment(lesson.html());
        // Keep the author's text as written: pretty printing would change whitespace inside <code> and inline runs.
        document.outputSettings().prettyPrint(false);
        Element body = document.body();

        Map<String, byte[]> images = new LinkedHashMap<>();
        for (Element img : body.select("img")) {
            String src = img.attr("src");
            String packaged = packagedPath(src);
            images.computeIfAbsent(packaged, p -> readImage(module, src, where));
            img.attr("src", packaged);
        }

        Set<String> ids = body.select("[id]").stream().map(Element::id).collect(Collectors.toSet());
        for (Element link : body.select("a[href]")) {
            checkLink(link.attr("href"), ids, images.keySet(), module, where);
        }
        return new ProcessedLesson(lesson, body.html(), images);
    }

    private void checkLink(String href, Set<String> ids, Set<String> lessonImages, Module module, String where) {
        if (href.startsWith("https://")) {
            return; // citations to the regulation: outside the package on purpose
        }
        String element = "<a href=\"" + href + "\">";
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String anchor = hash < 0 ? null : href.substring(hash + 1);
        if (path.isEmpty()) {
            // The player shows one lesson at a time, so an anchor must point into the same lesson.
            if (anchor == null || anchor.isEmpty() || !ids.contains(anchor)) {
                throw new PackagingException(where + ": " + element + ": no element with id \"" + anchor
                        + "\" in this lesson");
            }
            return;
        }
        // The only files a module page can link to are its own images (lessons are not separate pages).
        String packaged = packagedPath(path);
        if (!lessonImages.contains(packaged)) {
            try {
                catalogue.asset(module, path);
            } catch (ContentException e) {
                throw new PackagingException(where + ": " + element + ": no such file in the package (a lesson can link"
                        + " only to #anchors in itself, the module's images and https: citations)");
            }
        }
    }

    private byte[] readImage(Module module, String src, String where) {
        try {
            return catalogue.asset(module, src);
        } catch (ContentException e) {
            throw new PackagingException(where + ": <img src=\"" + src + "\">: no such image", e);
        }
    }

    /**
     * The image's path relative to the module page. Lesson sources are relative to the module folder and images live
     * under {@code images/} there, so the usual {@code images/x.png} stays as it is; a stray {@code ./} is dropped and
     * an image outside {@code images/} is moved under it so every module ships its images in one place.
     */
    static String packagedPath(String src) {
        List<String> segments = new ArrayList<>();
        for (String segment : src.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        String normalized = String.join("/", segments);
        return normalized.startsWith(IMAGES) ? normalized : IMAGES + normalized;
    }
}
