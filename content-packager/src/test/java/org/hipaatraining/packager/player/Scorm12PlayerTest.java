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

        player.start().readLessons(0).answerQuestions(0, i -> true);
        assertThat(player.heading()).isEqualTo("You passed");
        player.click("Continue").acknowledgeAndFinish();
        page.waitForFunction("() => window.lmsFinished === true");

        Map<String, Object> cmi = ScormLms.cmi(page);
        Map<String, Object> core = map(cmi.get("core"));
        assertThat(core.get("lesson_status")).isEqualTo("passed");
        Map<String, Object> score = map(core.get("score"));
        assertThat(score).containsEntry("raw", "100").containsEntry("min", "0").containsEntry("max", "100");

        List<Map<String, Object>> interactions = interactions(cmi);
        assertThat(interactions).hasSize(module.questions().size());
        for (int i = 0; i < module.questions().size(); i++) {
            Question q = module.questions().get(i);
            assertThat(interactions.get(i)).containsEntry("id", q.id()).containsEntry("type", "choice")
                    .containsEntry("result", "correct").containsEntry("student_response", String.join(",", q.correct()));
        }

        List<List<String>> log = ScormLms.log(page);
        assertThat(setValues(log, "cmi.core.session_time")).singleElement().asString()
                .matches("\\d{4}:\\d{2}:\\d{2}\\.\\d{2}");
        assertThat(setValues(log, "cmi.core.exit")).containsExactly("");
        assertThat(log.get(log.size() - 1)).containsExactly("LMSFinish", "", "true");
        // Resume data is saved at every screen change and always fits SCORM 1.2's 4096 characters.
        List<String> suspendData = setValues(log, "cmi.suspend_data");
        assertThat(suspendData).hasSizeGreaterThan(module.lessons().size() + module.questions().size());
        assertThat(suspendData).allSatisfy(data -> assertThat(data.length()).isLessThanOrEqualTo(4096));
        assertThat(setValues(log, "cmi.core.lesson_location")).contains("L0", "Q0", "R", "D");
    }

    @Test
    void aFailedKnowledgeCheckIsReportedAndARetakeCanPass() {
        Module module = Packages.smallestModuleWithQuestions();
        int n = module.questions().size();
        Page page = newPage(390, 844);
        PlayerDriver player = new PlayerDriver(launch(page, module, "null"), module);

        player.start().readLessons(0).answerQuestions(0, i -> false);
        assertThat(player.heading()).isEqualTo("Not passed yet");
        Map<String, Object> core = map(ScormLms.cmi(page).get("core"));
        assertThat(core.get("lesson_status")).isEqualTo("failed");
        assertThat(map(core.get("score")).get("raw")).isEqualTo("0");

        player.click("Retake the knowledge check").answerQuestions(0, i -> true);
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
        assertThat(interactions.get(n)).containsEntry("id", module.questions().get(0).id());
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
        player.waitForScreen("S").click("Resume where you left off").readLessons(2);
        player.answer(0, true).click("Next question").answer(1, true).click("Next question").answer(2, false)
                .click("Next question").waitForScreen("Q3");
        ScormLms.closeSco(page);
        assertThat(map(ScormLms.cmi(page).get("core"))).containsEntry("lesson_location", "Q3")
                .containsEntry("exit", "suspend");

        player = new PlayerDriver(launch(page, module, storedForResume(page)), module);
        player.waitForScreen("S").click("Resume where you left off").waitForScreen("Q3");
        assertThat(player.heading()).isEqualTo("Question 4 of " + module.questions().size());
        player.answerQuestions(3, i -> true);
        int percent = Math.round((module.questions().size() - 1) * 100f / module.questions().size());
        assertThat(player.frame().locator(".hp-score").innerText())
                .contains((module.questions().size() - 1) + " of " + module.questions().size());
        Map<String, Object> stored = map(ScormLms.cmi(page).get("core"));
        assertThat(map(stored.get("score")).get("raw")).isEqualTo(String.valueOf(percent));
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
