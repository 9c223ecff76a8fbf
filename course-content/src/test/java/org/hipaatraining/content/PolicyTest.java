package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Model policies, what a module's acknowledgement shows of them, and the fingerprint of that text. */
class PolicyTest {

    private static final String TEXT = "<section id=\"one\"><h2>One</h2><p>First.</p></section>\n"
            + "<section id=\"two\"><h2>Two</h2><p>Second.</p></section>";

    @Test
    void everyAcknowledgementCitesAModelPolicyAndSectionsItHas() {
        Catalogue catalogue = Content.catalogue();
        for (Module module : catalogue.modules()) {
            if (module.attestation() == null) {
                continue;
            }
            Policy policy = catalogue.policy(module.attestation().policyId()).orElseThrow();
            assertThat(policy.sectionIds()).as(module.id()).containsAll(module.attestation().sections());
            assertThat(module.attestation().policyVersion()).isEqualTo(policy.version());
            assertThat(PolicyHtml.problems(policy.html())).as(policy.id()).isEmpty();
        }
    }

    @Test
    void everyModelPolicyIsCitedByAModule() {
        Catalogue catalogue = Content.catalogue();
        for (Policy policy : catalogue.policies().all()) {
            assertThat(catalogue.modules().stream().filter(m -> m.attestation() != null)
                    .anyMatch(m -> m.attestation().policyId().equals(policy.id()))).as(policy.id()).isTrue();
        }
    }

    @Test
    void anExcerptIsTheNamedSectionsInPolicyOrderAndItsHashIsOfExactlyThatText() throws Exception {
        Policy policy = new Policy("p", "P", "1", LocalDate.of(2027, 1, 4), TEXT);
        PolicyExcerpt excerpt = policy.excerpt(List.of("two"));

        assertThat(excerpt.html()).isEqualTo("<section id=\"two\"><h2>Two</h2><p>Second.</p></section>");
        assertThat(excerpt.sectionIds()).containsExactly("two");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(excerpt.html().getBytes(StandardCharsets.UTF_8)));
        assertThat(excerpt.sha256()).isEqualTo(expected).hasSize(64);
        assertThat(policy.excerpt(List.of("two", "one")).html()).startsWith("<section id=\"one\">");
    }

    @Test
    void noSectionsOrSectionsThePolicyLacksShowTheWholePolicy() {
        Policy policy = new Policy("p", "P", "1", LocalDate.of(2027, 1, 4), TEXT);
        assertThat(policy.excerpt(List.of()).html()).isEqualTo(TEXT);
        assertThat(policy.excerpt(List.of()).sectionIds()).isEmpty();
        assertThat(policy.excerpt(List.of("renamed-by-the-practice")).html()).isEqualTo(TEXT);
    }

    @Test
    void aPracticesOwnTextIsCleanedToTheLessonAllowList() {
        Policy policy = Policy.cleaned("p", "P", "2", LocalDate.of(2027, 2, 1),
                "<section id=\"a\" style=\"color:red\"><h2 onclick=\"x()\">A</h2><script>alert(1)</script>"
                        + "<p>Text <a href=\"javascript:alert(1)\">link</a> <a href=\"https://www.ecfr.gov/\">rule</a></p>"
                        + "<iframe src=\"https://evil.example\"></iframe></section>");

        assertThat(policy.html()).doesNotContain("script", "onclick", "style", "javascript", "iframe")
                .contains("<h2>A</h2>", "<a href=\"https://www.ecfr.gov/\">rule</a>", "Text link");
        assertThat(policy.sectionIds()).containsExactly("a");
    }

    @Test
    void aPolicyMustBeTitledSectionsWithIds() {
        assertThat(PolicyHtml.problems("<p>Loose text</p>")).containsExactly(
                "<p> at the top level: a policy is a list of <section id=\"...\">");
        assertThat(PolicyHtml.problems("<section id=\"a\"><p>No title</p></section>")).containsExactly(
                "<section id=\"a\"> must start with its <h2> title");
        assertThatThrownBy(() -> Policy.cleaned("p", "P", "2", LocalDate.of(2027, 2, 1), "<div>No sections</div>"))
                .isInstanceOf(ContentException.class).hasMessageContaining("policy p 2:");
    }

    @Test
    void aPracticesPolicyReplacesTheModelForPackaging() {
        Catalogue catalogue = Content.catalogue();
        Module privacy = catalogue.module("privacy").orElseThrow();
        Policy own = Policy.cleaned("privacy-policy", "Our privacy rules", "2027.2", LocalDate.of(2027, 3, 1),
                "<section id=\"sanctions\"><h2>Sanctions</h2><p>Ours.</p></section>");
        PolicyExcerpt shown = catalogue.policies().with(own).excerptFor(privacy);

        assertThat(shown.policy().version()).isEqualTo("2027.2");
        assertThat(shown.sectionIds()).as("its one section is the whole policy").isEmpty();
        assertThat(shown.html()).contains("Ours.");
        assertThat(shown.sha256()).isNotEqualTo(catalogue.policies().excerptFor(privacy).sha256());
    }
}
