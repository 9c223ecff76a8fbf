package org.hipaatraining.packager.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Page;
import org.hipaatraining.content.Choice;
import org.hipaatraining.content.KnowledgeCheckDraw;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;
import org.hipaatraining.packager.PackageFormat;
import org.junit.jupiter.api.Test;

/**
 * player.js draws exactly what the catalogue's KnowledgeCheckDraw draws, and hashes policy text exactly as
 * PolicyExcerpt does: the LRS reproduces attempts and verifies acknowledgements with the Java side.
 */
class PlayerDrawParityTest extends BrowserTestBase {

    @Test
    void thePlayersDrawAndChoiceOrderAreTheReferenceDraw() {
        Page page = newPage(800, 600);
        for (Module module : Packages.catalogue().modules()) {
            if (module.questions().isEmpty()) {
                continue;
            }
            String prefix = "/parity/" + module.id() + "/";
            server.putAll(prefix, Packages.module(module.id(), PackageFormat.SCORM_12));
            page.navigate(server.url(prefix + "modules/" + module.id() + "/index.html"));
            page.waitForSelector("main[data-screen='S']");
            List<String> asked = module.questions().subList(0, 3).stream().map(Question::id).toList();
            List<String> revealed = List.of(module.questions().get(1).id());
            for (String seed : List.of("8d3a1f0e-0d3c-4a51-b6e2-9b1a7c55e001", "learner:pat", "actor:mailto:x@y.org")) {
                for (int cycle : List.of(2027, 2028)) {
                    for (int attempt : List.of(1, 2)) {
                        KnowledgeCheckDraw draw = new KnowledgeCheckDraw(seed, cycle, attempt,
                                attempt == 1 ? Set.of() : Set.copyOf(asked), attempt == 1 ? Set.of() : Set.copyOf(revealed));
                        List<Map<String, Object>> js = jsDraw(page, seed, cycle, attempt,
                                attempt == 1 ? List.of() : asked, attempt == 1 ? List.of() : revealed);
                        List<Question> java = draw.items(module);
                        assertThat(js.stream().map(item -> item.get("id"))).as(module.id() + " " + seed + " " + cycle)
                                .containsExactlyElementsOf(java.stream().map(Question::id).toList());
                        for (int i = 0; i < java.size(); i++) {
                            assertThat(js.get(i).get("choices")).isEqualTo(
                                    draw.choices(module, java.get(i)).stream().map(Choice::id).toList());
                        }
                    }
                }
            }
        }
    }

    @Test
    void thePlayersSha256IsTheStandardOne() throws Exception {
        Module module = Packages.smallestModuleWithQuestions();
        Page page = newPage(800, 600);
        String prefix = "/parity-sha/";
        server.putAll(prefix, Packages.module(module.id(), PackageFormat.SCORM_12));
        page.navigate(server.url(prefix + "modules/" + module.id() + "/index.html"));
        page.waitForSelector("main[data-screen='S']");
        String policy = Packages.catalogue().policies().all().get(0).html();
        for (String text : List.of("", "abc", "x".repeat(1000), "caf\u00e9 \u2014 \u201cquoted\u201d \ud83d\ude00", policy)) {
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(page.evaluate("t => window.HipaaPlayer.sha256(t)", text)).isEqualTo(expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsDraw(Page page, String seed, int cycle, int attempt, List<String> asked,
                                                     List<String> revealed) {
        return (List<Map<String, Object>>) page.evaluate("a => window.HipaaPlayer.draw("
                + "JSON.parse(document.getElementById('module-data').textContent).module, a.seed, a.cycle, a.attempt,"
                + " a.asked, a.revealed)", Map.of("seed", seed, "cycle", cycle, "attempt", attempt, "asked", asked,
                "revealed", revealed));
    }
}
