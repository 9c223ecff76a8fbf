package org.hipaatraining.content;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;

/**
 * What a policy's HTML may contain: the lesson allow-list (docs/content-format.md), and a body made of
 * {@code <section id="...">} elements that each start with an {@code <h2>}, so a module can cite sections by id.
 * Shipped policies must already be clean; a practice's own text goes through {@link #clean} first.
 */
public final class PolicyHtml {

    private PolicyHtml() {
    }

    /** Every way the text breaks the rules, each naming the element; empty when it is fine. */
    public static List<String> problems(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        List<String> problems = LessonHtmlPolicy.allowListProblems(document.body());
        for (Element child : document.body().children()) {
            if (!child.normalName().equals("section") || child.id().isBlank()) {
                problems.add("<" + child.normalName() + "> at the top level: a policy is a list of <section id=\"...\">");
            } else if (child.firstElementChild() == null || !child.firstElementChild().normalName().equals("h2")) {
                problems.add("<section id=\"" + child.id() + "\"> must start with its <h2> title");
            }
        }
        if (document.body().children().isEmpty()) {
            problems.add("no <section>: a policy has at least one section");
        }
        return problems;
    }

    /**
     * The text reduced to the allow-list: disallowed elements and attributes removed, links that are not #anchors,
     * relative or https: unlinked. Apply {@link #problems} afterwards for the section structure.
     */
    public static String clean(String html) {
        Document cleaned = new Cleaner(LessonHtmlPolicy.safelist()).clean(Jsoup.parseBodyFragment(html));
        cleaned.outputSettings().prettyPrint(false);
        for (Element link : cleaned.body().select("a")) {
            if (!LessonHtmlPolicy.isAllowedLink(link.attr("href"))) {
                link.unwrap();
            }
        }
        return cleaned.body().html();
    }
}
