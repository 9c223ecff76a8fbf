package org.hipaatraining.packager.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;
import org.hipaatraining.packager.PackageFormat;
import org.junit.jupiter.api.Test;

/** The player in a real SCORM 1.2 package, run against scorm-again's SCORM 1.2 runtime as the LMS. */
class Scorm12PlayerTest extends BrowserTestBase {

    private Frame launch(Page page, Module module, String init) {
        String prefix = "/pkg/" + module.id() + "-scorm12/";
        server.putAll(prefix, Packages.module(module.id(), PackageFormat.SCORM_12));
        return ScormLms.launch(page, server, ScormLms.Version.SCORM_12, prefix + "modules/" + module.id() + "/index.html",
                init);
    }

    @Test
    void aPassingRunOfTheBiggestModuleReportsPassedScoreInteractionsAndSessionTime() {
        Module module = Packages.biggestModule();
        Page page = newPage(1280, 800);
        PlayerDriver player = new PlayerDriver(launch(page, module, "null"), module);

        List<String> asked = player.start().readLessons(0).answerAttempt(i -> true);
        assertThat(player.heading()).isEqualTo("You passed");
        player.click("Continue").acknowledgeAndFinish();
        page.waitForFunction("() => window.lmsFinished === true");

        Map<String, Object> cmi = ScormLms.cmi(page);
        Map<String, Object> core = map(cmi.get("core"));
        assertThat(core.get("lesson_status")).isEqualTo("passed");
        Map<String, Object> score = map(core.get("score"));
        assertThat(score).containsEntry("raw", "100").containsEntry("min", "0").containsEntry("max", "100");

        // The interactions name the drawn items, itemsPerObjective from every objective's bank.
        List<Map<String, Object>> interactions = interactions(cmi);
        assertThat(interactions).hasSize(player.questionCount());
        for (int i = 0; i < asked.size(); i++) {
            Question q = module.question(asked.get(i)).orElseThrow();
            assertThat(interactions.get(i)).containsEntry("id", q.id()).containsEntry("type", "choice")
                    .containsEntry("result", "correct").containsEntry("student_response", String.join(",", q.correct()));
        }
        for (var objective : module.objectives()) {
            assertThat(asked.stream().filter(id -> module.question(id).orElseThrow().objective().equals(objective.id())))
                    .as(objective.id()).hasSize(module.knowledgeCheck().itemsPerObjective());
        }

        List<List<String>> log = ScormLms.log(page);
        assertThat(setValues(log, "cmi.core.session_time")).singleElement().asString()
                .matches("\\d{4}:\\d{2}:\\d{2}\\.\\d{2}");
        assertThat(setValues(log, "cmi.core.exit")).containsExactly("");
        assertThat(log.get(log.size() - 1)).containsExactly("LMSFinish", "", "true");
        // Resume data is saved at every screen change and always fits SCORM 1.2's 4096 characters.
        List<String> suspendData = setValues(log, "cmi.suspend_data");
        assertThat(suspendData).hasSizeGreaterThan(module.lessons().size() + player.questionCount());
        assertThat(suspendData).allSatisfy(data -> assertThat(data.length()).isLessThanOrEqualTo(4096));
        assertThat(setValues(log, "cmi.core.lesson_location")).contains("L0", "Q0", "R", "D");
    }

    @Test
    void aRetakeAfterAFailAsksNoItemWhoseAnswerWasShownAndCanPass() {
        Module module = Packages.smallestModuleWithQuestions();
        int n = PlayerDriver.questionCount(module);
        Page page = newPage(390, 844);
        PlayerDriver player = new PlayerDriver(launch(page, module, "null"), module);

        List<String> first = player.start().readLessons(0).answerAttempt(i -> false);
        List<String> shown = player.revealed();
        assertThat(shown).isNotEmpty();
        assertThat(player.heading()).isEqualTo("Not passed yet");
        // Every objective was missed: the results page says so and links to the lesson section that teaches it.
        assertThat(player.frame().locator(".hp-review li").count()).isEqualTo(module.objectives().size());
        assertThat(player.frame().locator(".hp-score").innerText()).startsWith("Not passed.");
        Map<String, Object> core = map(ScormLms.cmi(page).get("core"));
        assertThat(core.get("lesson_status")).isEqualTo("failed");
        assertThat(map(core.get("score")).get("raw")).isEqualTo("0");

        player.click("Retake the knowledge check");
        List<String> second = player.answerAttempt(i -> true);
        assertThat(second).doesNotContainAnyElementsOf(shown).isNotEqualTo(first);
        assertThat(player.heading()).isEqualTo("You passed");
        player.click("Continue").acknowledgeAndFinish();
        page.waitForFunction("() => window.lmsFinished === true");

        Map<String, Object> cmi = ScormLms.cmi(page);
        assertThat(map(cmi.get("core")).get("lesson_status")).isEqualTo("passed");
        assertThat(map(map(cmi.get("core")).get("score")).get("raw")).isEqualTo("100");
        List<Map<String, Object>> interactions = interactions(cmi);
        assertThat(interactions).hasSize(2 * n);
        assertThat(interactions.subList(0, n)).allSatisfy(i -> assertThat(i).containsEntry("result", "wrong"));
        assertThat(interactions.subList(n, 2 * n)).allSatisfy(i -> assertThat(i).containsEntry("result", "correct"));
        assertThat(interactions.get(n)).containsEntry("id", second.get(0));
    }

    @Test
    void aPausedModuleResumesAtTheSameScreenWithItsAnswers() {
        Module module = Packages.biggestModule();
        Page page = newPage(1280, 800);
        PlayerDriver player = new PlayerDriver(launch(page, module, "null"), module);
        player.start().click("Next lesson").click("Next lesson").waitForScreen("L2");
        ScormLms.closeSco(page);
        Map<String, Object> core = map(ScormLms.cmi(page).get("core"));
        assertThat(core).containsEntry("exit", "suspend").containsEntry("lesson_location", "L2")
                .containsEntry("lesson_status", "incomplete");
        assertThat(setValues(ScormLms.log(page), "cmi.core.session_time")).singleElement().asString()
                .matches("\\d{4}:\\d{2}:\\d{2}\\.\\d{2}");

        // The LMS relaunches with what it stored; the learner resumes at lesson 3, reads on, answers three questions.
        player = new PlayerDriver(launch(page, module, storedForResume(page)), module);
        player.waitForScreen("S");
        assertThat(player.button("Resume at lesson 3 of " + module.lessons().size()).isVisible()).isTrue();
        player.resume().readLessons(2);
        player.answer(0, true).click("Next question");
        String second = player.answer(1, true).current().id();
        player.click("Next question").answer(2, false).click("Next question").waitForScreen("Q3");
        ScormLms.closeSco(page);
        String draw = drawOf(lastSuspendData(page));
        assertThat(map(ScormLms.cmi(page).get("core"))).containsEntry("lesson_location", "Q3")
                .containsEntry("exit", "suspend");

        // The same draw comes back: the answered questions keep their answers, the next one is where it stopped.
        player = new PlayerDriver(launch(page, module, storedForResume(page)), module);
        player.waitForScreen("S");
        int n = player.questionCount();
        assertThat(player.button("Resume at question 4 of " + n).isVisible()).isTrue();
        player.resume().waitForScreen("Q3");
        assertThat(player.heading()).isEqualTo("Question 4 of " + n);
        player.answerQuestions(3, i -> true);
        int percent = Math.round((n - 1) * 100f / n);
        assertThat(player.frame().locator(".hp-score").innerText()).contains((n - 1) + " of " + n);
        Map<String, Object> stored = map(ScormLms.cmi(page).get("core"));
        assertThat(map(stored.get("score")).get("raw")).isEqualTo(String.valueOf(percent));
        assertThat(drawOf(lastSuspendData(page))).isEqualTo(draw);
        assertThat(draw.substring(2, 4)).isEqualTo(pad36(module.questions().indexOf(module.question(second).orElseThrow())));
    }

    /**
     * The largest resume data the player can write still fits SCORM 1.2's 4096 characters: the module with the
     * biggest bank, a 255-character learner id (the longest CMIIdentifier), attempt 99999, every item asked and
     * revealed, every choice of every question selected. The player takes that state back and saves it again.
     */
    @Test
    void theWorstCaseResumeDataFitsScorm12SuspendData() {
        Module module = Packages.catalogue().modules().stream()
                .max((a, b) -> Integer.compare(worstCase(a).length(), worstCase(b).length())).orElseThrow();
        String state = worstCase(module);
        assertThat(state.length()).isLessThanOrEqualTo(4096);

        Page page = newPage(1280, 800);
        int n = PlayerDriver.questionCount(module);
        String init = "{\"core\": {\"entry\": \"resume\", \"student_id\": \"" + "x".repeat(255) + "\", \"lesson_location\": \"Q"
                + (n - 1) + "\", \"lesson_status\": \"incomplete\"}, \"suspend_data\": " + json(state) + "}";
        PlayerDriver player = new PlayerDriver(launch(page, module, init), module);
        player.waitForScreen("S").resume().waitForScreen("Q" + (n - 1));
        player.click("See my result").waitForScreen("R");
        List<String> saved = setValues(ScormLms.log(page), "cmi.suspend_data");
        assertThat(saved).isNotEmpty().allSatisfy(data -> assertThat(data.length()).isLessThanOrEqualTo(4096));
        assertThat(saved.get(saved.size() - 1)).contains("\"t\":99999").contains("\"e\":\"learner:" + "x".repeat(255));
    }

    /** The resume data format of player.js (docs/packaging.md), filled to its largest for a module. */
    static String worstCase(Module module) {
        if (module.questions().isEmpty()) {
            return "";
        }
        List<Question> bank = module.questions();
        int n = PlayerDriver.questionCount(module);
        StringBuilder drawn = new StringBuilder();
        List<String> answers = new java.util.ArrayList<>();
        List<Question> bySize = bank.stream().sorted((a, b) -> b.choices().size() - a.choices().size()).limit(n).toList();
        for (Question q : bySize) {
            String index = Integer.toString(bank.indexOf(q), 36);
            drawn.append(index.length() < 2 ? "0" + index : index);
            StringBuilder all = new StringBuilder();
            for (int c = 0; c < q.choices().size(); c++) {
                all.append(Integer.toString(c, 36));
            }
            answers.add(all.toString());
        }
        String bitsAll = "f".repeat((bank.size() + 3) / 4);
        return "{\"v\":2,\"s\":\"Q\",\"i\":" + (n - 1) + ",\"t\":99999,\"y\":2027,\"e\":\"learner:" + "x".repeat(255)
                + "\",\"q\":\"" + drawn + "\",\"a\":\"" + String.join(",", answers) + "\",\"h\":\"" + bitsAll + "\",\"x\":\""
                + bitsAll + "\",\"r\":-1,\"p\":0,\"c\":0,\"k\":0,\"w\":0}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String lastSuspendData(Page page) {
        List<String> all = setValues(ScormLms.log(page), "cmi.suspend_data");
        return all.get(all.size() - 1);
    }

    /** The drawn items ("q") of resume data. */
    private static String drawOf(String suspendData) {
        var matcher = java.util.regex.Pattern.compile("\"q\":\"([0-9a-z]*)\"").matcher(suspendData);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String pad36(int index) {
        String digits = Integer.toString(index, 36);
        return digits.length() < 2 ? "0" + digits : digits;
    }

    /** What an LMS passes back on relaunch: entry resume, the location, status and suspend data it stored. */
    static String storedForResume(Page page) {
        return (String) page.evaluate("() => { const c = window.lmsCmi.cmi; return JSON.stringify({core: {entry: 'resume',"
                + " lesson_location: c.core.lesson_location, lesson_status: c.core.lesson_status},"
                + " suspend_data: c.suspend_data}); }");
    }

    static List<String> setValues(List<List<String>> log, String element) {
        return log.stream().filter(call -> call.get(0).endsWith("SetValue") && call.get(1).equals(element))
                .map(call -> call.get(2)).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> interactions(Map<String, Object> cmi) {
        Object value = cmi.get("interactions");
        if (value instanceof Map<?, ?> m && m.containsKey("childArray")) {
            value = m.get("childArray");
        }
        if (value instanceof Map<?, ?> m) {
            // rendered as {"0": {...}, "1": {...}}
            return m.entrySet().stream().sorted((a, b) -> Integer.compare(Integer.parseInt(String.valueOf(a.getKey())),
                    Integer.parseInt(String.valueOf(b.getKey())))).map(e -> (Map<String, Object>) e.getValue()).toList();
        }
        return (List<Map<String, Object>>) value;
    }
}
