package org.hipaatraining.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * What lesson HTML may contain (docs/content-format.md): a small allow-list of elements and attributes, nothing that
 * runs or loads from outside the package, images with alt text, headings from h2 down without skipped levels, and at
 * least one scenario. The content tests and the packager apply the same policy.
 */
public final class LessonHtmlPolicy {

    private static final Set<String> ELEMENTS = Set.of("h2", "h3", "h4", "p", "ul", "ol", "li", "dl", "dt", "dd", "strong",
            "em", "b", "i", "u", "br", "hr", "blockquote", "q", "cite", "abbr", "code", "small", "sub", "sup", "table",
            "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "section", "aside", "figure", "figcaption", "img", "a",
            "span", "div");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "a", Set.of("href"),
            "img", Set.of("src", "alt", "width", "height"),
            "abbr", Set.of("title"),
            "th", Set.of("scope", "colspan", "rowspan"),
            "td", Set.of("colspan", "rowspan"),
            "h2", Set.of("id"), "h3", Set.of("id"), "h4", Set.of("id"),
            "section", Set.of("id"));

    private LessonHtmlPolicy() {
    }

    /** Every way the fragment breaks the policy, each naming the element; empty when it is fine. */
    public static List<String> problems(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        List<String> problems = allowListProblems(document.body());
        if (document.body().select("section.scenario").isEmpty()) {
            problems.add("no <section class=\"scenario\">: every lesson has at least one scenario");
        }
        if (document.body().select("h2").isEmpty()) {
            problems.add("no <h2>: lessons start their headings at h2");
        }
        return problems;
    }

    /**
     * What breaks the allow-list below {@code body}: elements, attributes, images, links, heading order. Lessons and
     * policies share it.
     */
    static List<String> allowListProblems(Element body) {
        List<String> problems = new ArrayList<>();
        int previousLevel = 1;
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            String tag = element.normalName();
            if (!ELEMENTS.contains(tag)) {
                problems.add("<" + tag + "> is not allowed in lessons");
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (!name.equals("class") && !ATTRIBUTES.getOrDefault(tag, Set.of()).contains(name)) {
                    problems.add("<" + tag + " " + name + "> is not an allowed attribute");
                }
            }
            if (tag.matches("h[2-4]")) {
                int level = tag.charAt(1) - '0';
                if (level > previousLevel + 1) {
                    problems.add("<" + tag + "> \"" + element.text() + "\" skips a heading level (after h" + previousLevel + ")");
                }
                previousLevel = level;
            }
            if (tag.equals("img")) {
                String src = element.attr("src");
                if (element.attr("alt").isBlank()) {
                    problems.add("<img src=\"" + src + "\"> needs alt text");
                }
                if (!isInsidePackage(src)) {
                    problems.add("<img src=\"" + src + "\"> must be a relative path inside the module");
                }
            }
            if (tag.equals("a") && !isAllowedLink(element.attr("href"))) {
                problems.add("<a href=\"" + element.attr("href") + "\"> must be #anchor, a relative link or an https: link");
            }
        }
        return problems;
    }

    /**
     * The allow-list as a jsoup {@link Safelist}, for text that arrives from outside the content (a practice's own
     * policy): cleaning keeps what the list allows and drops the rest. Links are checked after cleaning, by
     * {@link #isAllowedLink}, because a safelist's protocol check would drop the {@code #anchor} links we allow.
     */
    static Safelist safelist() {
        Safelist safelist = new Safelist().addTags(ELEMENTS.toArray(String[]::new)).addAttributes(":all", "class");
        ATTRIBUTES.forEach((tag, names) -> safelist.addAttributes(tag, names.toArray(String[]::new)));
        return safelist;
    }

    static boolean isAllowedLink(String href) {
        return href.startsWith("#") || href.startsWith("https://") || isInsidePackage(href);
    }

    /** A relative path that stays inside the package: no scheme, no leading slash, no "..". */
    static boolean isInsidePackage(String path) {
        return !path.isBlank() && !path.contains(":") && !path.startsWith("/") && !path.startsWith("\\")
                && !path.contains("..");
    }
}
