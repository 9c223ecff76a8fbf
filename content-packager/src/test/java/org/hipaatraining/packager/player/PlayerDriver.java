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
                click(module.questions().isEmpty() ? "Finish" : "Start the knowledge check");
            }
        }
        return this;
    }

    /** Answers questions from index `from` to the end; right decides per question whether to answer correctly. */
    PlayerDriver answerQuestions(int from, java.util.function.IntPredicate right) {
        for (int i = from; i < module.questions().size(); i++) {
            answer(i, right.test(i));
            click(i < module.questions().size() - 1 ? "Next question" : "See my result");
        }
        return waitForScreen("R");
    }

    /** Answers one question (without moving on) and checks the feedback. */
    PlayerDriver answer(int i, boolean right) {
        Question q = module.questions().get(i);
        waitForScreen("Q" + i);
        assertThat(heading()).isEqualTo("Question " + (i + 1) + " of " + module.questions().size());
        assertThat(frame.locator("legend").innerText().trim()).isEqualTo(q.prompt().trim());
        for (String choiceId : choices(q, right)) {
            Choice choice = q.choices().stream().filter(c -> c.id().equals(choiceId)).findFirst().orElseThrow();
            frame.getByLabel(choice.text().trim(), new Frame.GetByLabelOptions().setExact(true)).check();
        }
        click("Submit answer");
        Locator feedback = frame.locator("#hp-feedback");
        assertThat(feedback.locator(".hp-verdict").innerText()).isEqualTo(right ? "Correct." : "Not quite.");
        assertThat(feedback.innerText()).contains(q.explanation().trim().substring(0, 20));
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
