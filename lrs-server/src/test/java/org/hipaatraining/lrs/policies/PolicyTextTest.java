package org.hipaatraining.lrs.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Policy;
import org.hipaatraining.lrs.policies.PolicyText.Format;
import org.junit.jupiter.api.Test;

class PolicyTextTest {

    @Test
    void markdownHeadingsBecomeSectionsWithIdsFromTheirWords() {
        String html = PolicyText.toPolicyHtml(Format.MARKDOWN, """
                ## Who this policy covers

                Everyone on the **workforce**.

                ## Sanctions

                - A first look at a neighbour's chart: final written warning.
                """);

        Policy policy = new Policy("privacy-policy", "Privacy", "2027.2", null, html);
        assertThat(policy.sectionIds()).containsExactly("who-this-policy-covers", "sanctions");
        assertThat(policy.sectionTitle("sanctions")).isEqualTo("Sanctions");
        assertThat(html).contains("<strong>workforce</strong>", "<li>A first look");
    }

    @Test
    void aHeadingNamesItsOwnIdWithABraceSuffix() {
        String html = PolicyText.toPolicyHtml(Format.MARKDOWN, "## What happens if you break it {#sanctions}\n\nText.\n");

        assertThat(html).startsWith("<section id=\"sanctions\"><h2>What happens if you break it</h2>");
    }

    @Test
    void repeatedHeadingsGetDistinctIds() {
        Policy policy = new Policy("p", "P", "1", null, PolicyText.toPolicyHtml(Format.MARKDOWN, "## Steps\n\na\n\n## Steps\n\nb\n"));

        assertThat(policy.sectionIds()).containsExactly("steps", "steps-2");
    }

    @Test
    void scriptsStylesHandlersAndForeignLinksAreCleanedAway() {
        String html = PolicyText.toPolicyHtml(Format.HTML, """
                <h2 onclick="steal()">Email</h2><script>alert(1)</script><style>p{}</style>
                <p>See <a href="javascript:alert(1)">this</a>, <a href="https://www.hhs.gov/hipaa">HHS</a>
                and <img src="https://tracker.example/x.png" alt="pixel">.</p><iframe src="https://evil.example"></iframe>
                """);

        assertThat(html).doesNotContain("script", "alert", "onclick", "style", "iframe", "tracker.example", "javascript")
                .contains("<a href=\"https://www.hhs.gov/hipaa\">HHS</a>", "and pixel.").startsWith("<section id=\"email\"><h2>Email</h2>");
    }

    @Test
    void htmlAlreadyInSectionsKeepsItsIds() {
        Policy model = Catalogue.loadDefault().policy("privacy-policy").orElseThrow();

        assertThat(PolicyText.toPolicyHtml(Format.HTML, model.html())).isEqualTo(model.html());
    }

    @Test
    void aTitleHeadingIsDroppedAndLevelOneSectionsMoveDownALevel() {
        assertThat(PolicyText.toPolicyHtml(Format.MARKDOWN, "# Privacy policy\n\n## Scope\n\nAll staff.\n"))
                .isEqualTo("<section id=\"scope\"><h2>Scope</h2>\n<p>All staff.</p>\n</section>");
        assertThat(PolicyText.toPolicyHtml(Format.MARKDOWN, "# Scope\n\nAll staff.\n\n# Sanctions\n\nWarning.\n"))
                .startsWith("<section id=\"scope\"><h2>Scope</h2>").contains("<section id=\"sanctions\"><h2>Sanctions</h2>");
        // several level-1 headings with level-2 ones under them: the structure is unclear
        assertThatThrownBy(() -> PolicyText.toPolicyHtml(Format.MARKDOWN, "# Scope\n\nAll.\n\n## Details\n\nMore.\n\n# Sanctions\n\nWarning.\n"))
                .hasMessageStartingWith("text: level-1 heading \"Scope\": sections start at level 2");
    }

    @Test
    void textBeforeTheFirstHeadingIsRefusedNamingTheField() {
        assertThatThrownBy(() -> PolicyText.toPolicyHtml(Format.MARKDOWN, "This policy applies to everyone.\n\n## Scope\n\nAll.\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("text: starts with \"This policy applies to everyone.\" before any heading");
        assertThatThrownBy(() -> PolicyText.toPolicyHtml(Format.HTML, "<script>x()</script>"))
                .hasMessageStartingWith("text: ");
        assertThatThrownBy(() -> PolicyText.toPolicyHtml(Format.MARKDOWN, "  "))
                .hasMessage("text: the policy's text is required");
        assertThatThrownBy(() -> PolicyText.toPolicyHtml(Format.HTML, "<h2>x</h2>" + "a".repeat(PolicyText.MAX_LENGTH)))
                .hasMessageStartingWith("text: 200010 characters; a policy may have at most 200000");
        assertThatThrownBy(() -> Format.of("pdf")).hasMessage("format: 'pdf' must be markdown or html");
    }
}
