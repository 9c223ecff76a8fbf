package org.hipaatraining.packager.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Page;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;
import org.hipaatraining.content.QuestionType;
import org.hipaatraining.packager.PackageFormat;
import org.junit.jupiter.api.Test;

/** A whole module with the keyboard only: Tab, arrows, Space and Enter, never the mouse. */
class PlayerKeyboardTest extends BrowserTestBase {

    private Frame frame;
    private Keyboard keys;

    @Test
    void aLearnerFinishesTheBiggestModuleWithTheKeyboardOnly() {
        Module module = Packages.biggestModule();
        Page page = newPage(390, 844);
        String prefix = "/pkg/" + module.id() + "-scorm2004/";
        server.putAll(prefix, Packages.module(module.id(), PackageFormat.SCORM_2004));
        frame = ScormLms.launch(page, server, ScormLms.Version.SCORM_2004,
                prefix + "modules/" + module.id() + "/index.html", "null");
        keys = page.keyboard();
        PlayerDriver player = new PlayerDriver(frame, module);
        player.waitForScreen("S");

        activate("Start");
        for (int i = 0; i < module.lessons().size(); i++) {
            player.waitForScreen("L" + i);
            assertHeadingFocused();
            activate(i < module.lessons().size() - 1 ? "Next lesson" : "Start the knowledge check");
        }
        int n = player.questionCount();
        for (int i = 0; i < n; i++) {
            player.waitForScreen("Q" + i);
            assertHeadingFocused();
            choose(player.current());
            activate("Submit answer");
            // focus moves to the button that goes on; Enter presses it
            assertThat(focused()).isEqualTo(i < n - 1 ? "Next question" : "See my result");
            keys.press("Enter");
        }
        player.waitForScreen("R");
        assertHeadingFocused();
        assertThat(player.heading()).isEqualTo("You passed");
        activate("Continue");
        if (module.attestation() != null) {
            player.waitForScreen("A");
            assertHeadingFocused();
            tabTo("I have read this statement and I agree with it.");
            keys.press("Space");
            activate("I acknowledge");
        }
        player.waitForScreen("D");
        assertHeadingFocused();
        page.waitForFunction("() => window.lmsFinished === true");
        assertThat(ScormLms.cmi(page)).containsEntry("completion_status", "completed")
                .containsEntry("success_status", "passed");
    }

    private void choose(Question q) {
        tabToFirstChoice();
        if (q.type() == QuestionType.SINGLE) {
            // arrows move within the radio group and select; Space selects the one focused first
            String wanted = q.correct().get(0);
            for (int guard = 0; !wanted.equals(focusedValue()) && guard < 10; guard++) {
                keys.press("ArrowDown");
            }
            keys.press("Space");
        } else {
            for (int n = 0; n < q.choices().size(); n++) {
                if (q.correct().contains(focusedValue())) {
                    keys.press("Space");
                }
                if (n < q.choices().size() - 1) {
                    keys.press("Tab");
                }
            }
        }
        @SuppressWarnings("unchecked")
        java.util.List<String> checked = (java.util.List<String>) frame.evaluate(
                "() => [...document.querySelectorAll('main input:checked')].map(i => i.value)");
        assertThat(checked).containsExactlyInAnyOrderElementsOf(q.correct());
    }

    private void activate(String button) {
        tabTo(button);
        keys.press("Enter");
    }

    private void tabTo(String text) {
        for (int i = 0; i < 80; i++) {
            if (text.equals(focused())) {
                return;
            }
            keys.press("Tab");
        }
        throw new AssertionError("Tab never reached \"" + text + "\"; focus is on \"" + focused() + "\"");
    }

    private void tabToFirstChoice() {
        for (int i = 0; i < 80; i++) {
            if (Boolean.TRUE.equals(frame.evaluate("() => document.activeElement.matches('main input')"))) {
                return;
            }
            keys.press("Tab");
        }
        throw new AssertionError("Tab never reached a choice");
    }

    /** The focused element's accessible text: its label for inputs, its text otherwise. */
    private String focused() {
        return (String) frame.evaluate("() => { const e = document.activeElement; if (!e) return '';"
                + " const l = e.labels && e.labels[0]; return (l ? l.textContent : e.textContent || '').trim(); }");
    }

    private String focusedValue() {
        return (String) frame.evaluate("() => document.activeElement.value || ''");
    }

    private void assertHeadingFocused() {
        assertThat(frame.evaluate("() => document.activeElement === document.querySelector('main h1')")).isEqualTo(true);
    }
}
