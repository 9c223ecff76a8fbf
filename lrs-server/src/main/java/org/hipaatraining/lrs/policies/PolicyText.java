package org.hipaatraining.lrs.policies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.hipaatraining.content.PolicyHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A practice's policy text, typed as Markdown or pasted as HTML, turned into the content format's policy HTML: the
 * lesson allow-list (jsoup's Cleaner, {@link PolicyHtml#clean}) and a list of {@code <section id>} elements that each
 * start with their {@code <h2>}, so modules can cite sections. Text already in that form keeps its sections and ids;
 * otherwise every level-2 heading starts a section whose id is the heading's {@code {#id}} suffix, its id attribute,
 * or its words. Images are replaced by their alt text: a policy has no files of its own to ship.
 */
final class PolicyText {

    static final int MAX_LENGTH = 200_000;
    private static final Pattern ID_SUFFIX = Pattern.compile("\\s*\\{#([a-z0-9]+(?:-[a-z0-9]+)*)\\}\\s*$");
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    /** How the practice wrote the text. */
    enum Format {
        MARKDOWN, HTML;

        static Format of(String name) {
            if (name == null || name.isBlank()) {
                return MARKDOWN;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PolicyException.badInput("format: '" + name + "' must be markdown or html");
            }
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PolicyText() {
    }

    /**
     * The policy HTML of this text.
     *
     * @throws PolicyException naming {@code text} when it is empty, too long, starts without a heading or breaks the
     *                         policy rules after cleaning
     */
    static String toPolicyHtml(Format format, String source) {
        if (source == null || source.isBlank()) {
            throw PolicyException.badInput("text: the policy's text is required");
        }
        if (source.length() > MAX_LENGTH) {
            throw PolicyException.badInput("text: " + source.length() + " characters; a policy may have at most " + MAX_LENGTH);
        }
        String html = format == Format.MARKDOWN ? RENDERER.render(MARKDOWN.parse(source)) : source;
        Document document = Jsoup.parseBodyFragment(headingsFromLevelTwo(html));
        document.outputSettings().prettyPrint(false);
        // clean first: what is grouped into sections is only what may stay
        Document clean = Jsoup.parseBodyFragment(PolicyHtml.clean(document.body().html()));
        clean.outputSettings().prettyPrint(false);
        // a policy is shipped without files of its own: an image is replaced by its description
        for (Element image : clean.body().select("img")) {
            image.replaceWith(new TextNode(image.attr("alt")));
        }
        if (!alreadySectioned(clean.body())) {
            sectionByHeadings(clean.body());
        }
        String result = clean.body().html();
        List<String> problems = PolicyHtml.problems(result);
        if (!problems.isEmpty()) {
            throw PolicyException.badInput("text: " + String.join("; ", problems));
        }
        return result;
    }

    /**
     * Markdown's {@code #} is a level-1 heading, which policies do not have (the title is given apart): a text whose
     * sections are level-1 headings has them moved down a level; a single level-1 heading at the top is the title.
     */
    private static String headingsFromLevelTwo(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        List<Element> h1 = document.body().select("h1");
        if (h1.isEmpty()) {
            return html;
        }
        Element first = document.body().firstElementChild();
        if (h1.size() == 1 && h1.get(0) == first && !document.body().select("h2").isEmpty()) {
            first.remove();
        } else if (document.body().select("h2").isEmpty()) {
            for (String level : List.of("h3", "h2", "h1")) {
                for (Element heading : document.body().select(level)) {
                    heading.tagName("h" + (Integer.parseInt(level.substring(1)) + 1));
                }
            }
        } else {
            throw PolicyException.badInput("text: level-1 heading \"" + h1.get(0).text() + "\": sections start at level 2"
                    + " (## in Markdown, <h2> in HTML); the title is given on its own");
        }
        return document.body().html();
    }

    private static boolean alreadySectioned(Element body) {
        return !body.children().isEmpty() && body.children().stream().allMatch(c -> c.normalName().equals("section"));
    }

    private static void sectionByHeadings(Element body) {
        List<Node> nodes = new ArrayList<>(body.childNodes());
        Set<String> ids = new HashSet<>();
        Element section = null;
        for (Node node : nodes) {
            if (node instanceof Element e && e.normalName().equals("h2")) {
                section = new Element("section").attr("id", uniqueId(e, ids));
                e.removeAttr("id");
                body.appendChild(section);
            }
            if (section == null) {
                if (!(node instanceof TextNode t && t.isBlank())) {
                    throw PolicyException.badInput("text: starts with \"" + abbreviate(textOf(node)) + "\" before any"
                            + " heading; every part of a policy is a section under a level-2 heading (## in Markdown,"
                            + " <h2> in HTML)");
                }
                node.remove();
                continue;
            }
            section.appendChild(node);
        }
    }

    private static String uniqueId(Element heading, Set<String> taken) {
        String id;
        Matcher suffix = ID_SUFFIX.matcher(heading.text());
        if (suffix.find()) {
            id = suffix.group(1);
            stripSuffix(heading);
        } else if (!heading.id().isBlank()) {
            id = slug(heading.id());
        } else {
            id = slug(heading.text());
        }
        if (id.isEmpty()) {
            id = "section";
        }
        String unique = id;
        for (int n = 2; !taken.add(unique); n++) {
            unique = id + "-" + n;
        }
        return unique;
    }

    /** Removes a {@code {#id}} suffix from the heading's last text. */
    private static void stripSuffix(Element heading) {
        List<TextNode> texts = heading.textNodes();
        if (!texts.isEmpty()) {
            TextNode last = texts.get(texts.size() - 1);
            last.text(ID_SUFFIX.matcher(last.getWholeText()).replaceFirst(""));
        }
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String textOf(Node node) {
        return node instanceof Element e ? e.text() : node instanceof TextNode t ? t.text() : node.outerHtml();
    }

    private static String abbreviate(String text) {
        String trimmed = text.trim();
        return trimmed.length() <= 40 ? trimmed : trimmed.substring(0, 40) + "...";
    }
}
