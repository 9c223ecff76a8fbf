package org.hipaatraining.packager.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.packager.player.Scorm12PlayerTest.interactions;
import static org.hipaatraining.packager.player.Scorm12PlayerTest.map;
import static org.hipaatraining.packager.player.Scorm12PlayerTest.setValues;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;
import org.hipaatraining.packager.PackageFormat;
import org.junit.jupiter.api.Test;

/** The player in a real SCORM 2004 4th Edition package, run against scorm-again's SCORM 2004 runtime as the LMS. */
class Scorm2004PlayerTest extends BrowserTestBase {

    private Frame launch(Page page, Module module, String init) {
        String prefix = "/pkg/" + module.id() + "-scorm2004/";
        server.putAll(prefix, Packages.module(module.id(), PackageFormat.SCORM_2004));
        return ScormLms.launch(page, server, ScormLms.Version.SCORM_2004,
                prefix + "modules/" + module.id() + "/index.html", init);
    }

    @Test
    void aPassingRunReportsCompletionSuccessScoresInteractionsAndSessionTime() {
        Module module = Packages.biggestModule();
        Page page = newPage(1280, 800);
        PlayerDriver player = new PlayerDriver(launch(page, module, "null"), module);

        List<String> asked = player.start().readLessons(0).answerAttempt(i -> i != 0); // one wrong answer
        int n = player.questionCount();
        double scaled = (n - 1) / (double) n;
        assertThat(scaled).isGreaterThanOrEqualTo(module.masteryScore());
        Map<String, Object> afterCheck = ScormLms.cmi(page);
        assertThat(afterCheck).containsEntry("success_status", "passed").containsEntry("completion_status", "incomplete");

        player.click("Continue").acknowledgeAndFinish();
        page.waitForFunction("() => window.lmsFinished === true");
        Map<String, Object> cmi = ScormLms.cmi(page);
        assertThat(cmi).containsEntry("completion_status", "completed").containsEntry("success_status", "passed")
                .containsEntry("location", "D");
        Map<String, Object> score = map(cmi.get("score"));
        assertThat(Double.parseDouble(String.valueOf(score.get("scaled")))).isCloseTo(scaled, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(score).containsEntry("raw", String.valueOf(Math.round(scaled * 100))).containsEntry("min", "0")
                .containsEntry("max", "100");

        List<Map<String, Object>> interactions = interactions(cmi);
        assertThat(interactions).hasSize(n);
        assertThat(interactions.get(0)).containsEntry("result", "incorrect").containsEntry("type", "choice");
        for (int i = 1; i < n; i++) {
            Question q = module.question(asked.get(i)).orElseThrow();
            assertThat(interactions.get(i)).containsEntry("id", q.id()).containsEntry("result", "correct")
                    .containsEntry("learner_response", String.join("[,]", q.correct()));
        }

        List<List<String>> log = ScormLms.log(page);
        assertThat(setValues(log, "cmi.session_time")).singleElement().asString().matches("PT(\\d+H)?(\\d+M)?\\d+(\\.\\d+)?S");
        assertThat(setValues(log, "cmi.exit")).containsExactly("normal");
        assertThat(log.get(log.size() - 1)).containsExactly("Terminate", "", "true");
    }

    @Test
    void aSuspendedAttemptResumesFromLocationAndSuspendData() {
        Module module = Packages.smallestModuleWithQuestions();
        Page page = newPage(390, 844);
        PlayerDriver player = new PlayerDriver(launch(page, module, "null"), module);
        player.start().readLessons(0).answer(0, true).click("Next question").waitForScreen("Q1");
        ScormLms.closeSco(page);
        assertThat(ScormLms.cmi(page)).containsEntry("exit", "suspend").containsEntry("location", "Q1")
                .containsEntry("completion_status", "incomplete");

        String stored = (String) page.evaluate("() => { const c = window.lmsCmi.cmi; return JSON.stringify({entry: 'resume',"
                + " location: c.location, completion_status: c.completion_status, suspend_data: c.suspend_data}); }");
        player = new PlayerDriver(launch(page, module, stored), module);
        player.waitForScreen("S").resume().waitForScreen("Q1");
        player.answerQuestions(1, i -> true).click("Continue").acknowledgeAndFinish();
        page.waitForFunction("() => window.lmsFinished === true");
        Map<String, Object> cmi = ScormLms.cmi(page);
        assertThat(cmi).containsEntry("completion_status", "completed").containsEntry("success_status", "passed");
        assertThat(map(cmi.get("score"))).containsEntry("raw", "100");
    }
}
