package org.hipaatraining.lrs.support;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.options.AriaRole;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;

/** Plays one of our module pages in a browser frame as a learner who gets everything right. */
public final class ModulePlayer {

    private ModulePlayer() {
    }

    /** Reads every lesson, answers every question right, acknowledges the policy. */
    public static void play(Frame frame, Module module) {
        play(frame, module, Question::correct, f -> {
        });
    }

    /**
     * As {@link #play(Frame, Module)}, looking at the acknowledgement screen (the policy shown) before acknowledging.
     */
    public static void playLookingBeforeAcknowledging(Frame frame, Module module, java.util.function.Consumer<Frame> beforeAcknowledging) {
        play(frame, module, Question::correct, beforeAcknowledging);
    }

    /**
     * Reads every lesson and answers each item the player draws with the choices {@code answer} picks for it; after a
     * pass acknowledges the policy, after a fail stops at the result. Returns whether the check was passed.
     */
    public static boolean play(Frame frame, Module module, java.util.function.Function<Question, java.util.List<String>> answer) {
        return play(frame, module, answer, f -> {
        });
    }

    private static boolean play(Frame frame, Module module, java.util.function.Function<Question, java.util.List<String>> answer,
                                java.util.function.Consumer<Frame> beforeAcknowledging) {
        screen(frame, "S");
        click(frame, "Start");
        for (int i = 0; i < module.lessons().size(); i++) {
            screen(frame, "L" + i);
            click(frame, i < module.lessons().size() - 1 ? "Next lesson" : "Start the knowledge check");
        }
        int asked = questionsPerAttempt(module);
        for (int i = 0; i < asked; i++) {
            screen(frame, "Q" + i);
            // the player draws its items from the bank: the form names the one it shows
            Question q = module.question(frame.locator("form[data-item]").getAttribute("data-item")).orElseThrow();
            for (String choiceId : answer.apply(q)) {
                String text = q.choices().stream().filter(c -> c.id().equals(choiceId)).findFirst().orElseThrow().text().trim();
                // as a learner does: tap the answer's text (its label)
                frame.getByText(text, new Frame.GetByTextOptions().setExact(true)).click();
            }
            click(frame, "Submit answer");
            click(frame, i < asked - 1 ? "Next question" : "See my result");
        }
        screen(frame, "R");
        if (frame.getByRole(AriaRole.BUTTON, new Frame.GetByRoleOptions().setName("Continue").setExact(true)).count() == 0) {
            return false;
        }
        click(frame, "Continue");
        if (module.attestation() != null) {
            screen(frame, "A");
            beforeAcknowledging.accept(frame);
            frame.getByText("I have read this statement and I agree with it.").click();
            click(frame, "I acknowledge");
        }
        screen(frame, "D");
        return true;
    }

    /** How many questions an attempt asks: itemsPerObjective from each objective's bank. */
    public static int questionsPerAttempt(Module module) {
        return module.knowledgeCheck().itemsPerObjective() * (int) module.objectives().stream()
                .filter(o -> !module.knowledgeCheck().bank(o.id()).isEmpty()).count();
    }

    private static void screen(Frame frame, String code) {
        frame.waitForSelector("main[data-screen='" + code + "']");
    }

    private static void click(Frame frame, String name) {
        frame.getByRole(AriaRole.BUTTON, new Frame.GetByRoleOptions().setName(name).setExact(true)).click();
    }
}
