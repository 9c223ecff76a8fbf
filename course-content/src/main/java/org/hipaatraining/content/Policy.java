package org.hipaatraining.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A policy document staff acknowledge at the end of a module: the catalogue ships a model policy for a small
 * practice, and a practice may publish its own text under the same id (docs/content-format.md, "Policies").
 *
 * @param html the whole text: {@code <section id>} elements, each starting with its {@code <h2>} (see {@link PolicyHtml})
 */
public record Policy(String id, String title, String version, LocalDate effectiveDate, String html) {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(html, "html");
    }

    /**
     * A policy from text that may come from anywhere (a practice's editor): cleaned to the allow-list first.
     *
     * @throws ContentException when the cleaned text is not a list of titled sections
     */
    public static Policy cleaned(String id, String title, String version, LocalDate effectiveDate, String html) {
        String clean = PolicyHtml.clean(html);
        List<String> problems = PolicyHtml.problems(clean);
        if (!problems.isEmpty()) {
            throw new ContentException("policy " + id + " " + version + ": " + String.join("; ", problems));
        }
        return new Policy(id, title, version, effectiveDate, clean);
    }

    /** The section ids in document order. */
    public List<String> sectionIds() {
        return sections().stream().map(Element::id).toList();
    }

    /** The title ({@code <h2>} text) of a section, or null when there is no such section. */
    public String sectionTitle(String sectionId) {
        return sections().stream().filter(s -> s.id().equals(sectionId)).findFirst()
                .map(s -> s.firstElementChild().text()).orElse(null);
    }

    /**
     * What a learner is shown before acknowledging: the named sections, in the policy's order; the whole policy when
     * no section is named or none of them is in this text (a practice's own policy may be organised differently).
     */
    public PolicyExcerpt excerpt(List<String> sectionIds) {
        List<Element> chosen = sections().stream().filter(s -> sectionIds.contains(s.id())).toList();
        if (chosen.isEmpty()) {
            chosen = sections();
        }
        List<String> shown = chosen.size() == sections().size() ? List.of() : chosen.stream().map(Element::id).toList();
        String excerpt = String.join("\n", chosen.stream().map(Element::outerHtml).toList());
        return new PolicyExcerpt(this, shown, excerpt);
    }

    private List<Element> sections() {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        return document.body().children().stream().filter(e -> e.normalName().equals("section")).toList();
    }
}
