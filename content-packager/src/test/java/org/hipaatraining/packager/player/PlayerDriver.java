package org.hipaatraining.packager.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.hipaatraining.content.Choice;
import org.hipaatraining.content.Lesson;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;

/** Plays a module in the player the way a learner does, through buttons, labels and headings. */
final class PlayerDriver {

    private final Frame frame;
    private final Module module;
    private final List<String> revealed = new java.util.ArrayList<>();

    PlayerDriver(Frame frame, Module module) {
        this.frame = frame;
        this.module = module;
    }

    Frame frame() {
        return frame;
    }

    /** Waits until the player shows the screen with this resume code (S, L0, Q3, R, A, D). */
    PlayerDriver waitForScreen(String code) {
        frame.waitForSelector("main[data-screen='" + code + "']");
        return this;
    }

    String screen() {
        return frame.locator("main").getAttribute("data-screen");
    }

    String heading() {
        return frame.locator("main h1").innerText().trim();
    }

    Locator button(String name) {
        return frame.getByRole(AriaRole.BUTTON, new Frame.GetByRoleOptions().setName(name).setExact(true));
    }

    PlayerDriver click(String buttonName) {
        button(buttonName).click();
        return this;
    }

    /** Start screen to the first lesson. */
    PlayerDriver start() {
        waitForScreen("S");
        assertThat(heading()).isEqualTo(module.title());
        click("Start");
        return waitForScreen("L0");
    }

    /** Reads lessons from index `from` to the end and goes on to the knowledge check (or the next step). */
    PlayerDriver readLessons(int from) {
        List<Lesson> lessons = module.lessons();
        for (int i = from; i < lessons.size(); i++) {
            waitForScreen("L" + i);
            assertThat(heading()).isEqualTo(lessons.get(i).title());
            assertThat(frame.locator("#hp-progress").innerText()).isEqualTo("Lesson " + (i + 1) + " of " + lessons.size());
            if (i < lessons.size() - 1) {
                click("Next lesson");
            } else {
                click(module.knowledgeCheck().isEmpty() ? "Finish" : "Start the knowledge check");
            }
        }
        return this;
    }

    /** How many questions an attempt asks: itemsPerObjective for each objective with a bank. */
    int questionCount() {
        return questionCount(module);
    }

    static int questionCount(Module module) {
        return module.knowledgeCheck().itemsPerObjective() * (int) module.objectives().stream()
                .filter(o -> !module.knowledgeCheck().bank(o.id()).isEmpty()).count();
    }

    /** The bank item the question screen shows (the form names it in data-item). */
    Question current() {
        String id = frame.locator("form[data-item]").getAttribute("data-item");
        return module.question(id).orElseThrow(() -> new AssertionError("no item " + id + " in " + module.id()));
    }

    /** Answers questions from index `from` to the end; right decides per question whether to answer correctly. */
    PlayerDriver answerQuestions(int from, java.util.function.IntPredicate right) {
        int n = questionCount();
        for (int i = from; i < n; i++) {
            answer(i, right.test(i));
            click(i < n - 1 ? "Next question" : "See my result");
        }
        return waitForScreen("R");
    }

    /** The items one attempt asks, answering each as right decides; returns their ids in the order asked. */
    List<String> answerAttempt(java.util.function.IntPredicate right) {
        List<String> asked = new java.util.ArrayList<>();
        int n = questionCount();
        for (int i = 0; i < n; i++) {
            answer(i, right.test(i));
            asked.add(current().id());
            click(i < n - 1 ? "Next question" : "See my result");
        }
        waitForScreen("R");
        return asked;
    }

    /** Answers one question (without moving on) and checks the feedback. */
    PlayerDriver answer(int i, boolean right) {
        waitForScreen("Q" + i);
        Question q = current();
        assertThat(heading()).isEqualTo("Question " + (i + 1) + " of " + questionCount());
        assertThat(frame.locator("legend").innerText().trim()).isEqualTo(q.prompt().trim());
        for (String choiceId : choices(q, right)) {
            Choice choice = q.choices().stream().filter(c -> c.id().equals(choiceId)).findFirst().orElseThrow();
            frame.getByLabel(choice.text().trim(), new Frame.GetByLabelOptions().setExact(true)).check();
        }
        click("Submit answer");
        Locator feedback = frame.locator("#hp-feedback");
        assertThat(feedback.locator(".hp-verdict").innerText()).isEqualTo(right ? "Correct." : "Not right.");
        String text = feedback.innerText();
        if (right || !text.contains("may come back")) {
            assertThat(text).contains(q.explanation().trim().substring(0, 20));
            if (!right) {
                revealed.add(q.id());
            }
        } else {
            assertThat(text).doesNotContain(q.explanation().trim().substring(0, 20));
        }
        return this;
    }

    /** The items whose correct answer the player has shown so far (after a wrong answer). */
    List<String> revealed() {
        return List.copyOf(revealed);
    }

    /** Clicks the start screen's Resume button, whatever place it names. */
    PlayerDriver resume() {
        frame.getByRole(AriaRole.BUTTON, new Frame.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^Resume "))).click();
        return this;
    }

    static List<String> choices(Question q, boolean right) {
        if (right) {
            return q.correct();
        }
        return List.of(q.choices().stream().map(Choice::id).filter(id -> !q.correct().contains(id)).findFirst()
                .orElseThrow());
    }

    /** From a passed result through the attestation (if any) to the finish screen. */
    PlayerDriver acknowledgeAndFinish() {
        if (module.attestation() != null) {
            waitForScreen("A");
            frame.getByLabel("I have read this statement and I agree with it.").check();
            click("I acknowledge");
        }
        return waitForScreen("D");
    }
}
