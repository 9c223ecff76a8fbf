package org.hipaatraining.lrs.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A notice's start link for a trigger event's micro-lesson: its page names the lesson, its button launches it (cmi5). */
class MicroLessonStartLinkTest extends LrsIntegrationTest {

    @Autowired
    private StartLinks links;

    @Test
    void theStartLinkOfAMicroLessonLaunchesItThroughTheCmi5Launcher() throws IOException, InterruptedException {
        PracticeFixture practice = new PracticeFixture(xapi);
        Learner learner = practice.person("Lea Link " + practice.run, "lea", List.of("front-desk"), 400, null);
        String title = "Shredding bins " + practice.run;
        HttpResponse<String> created = practice.admin().postJson("/api/compliance/trigger-events", """
                {"date": "%s", "kind": "NEAR_MISS", "description": "Papers left beside the shredding bin",
                 "personIds": ["%s"], "dueDate": "%s",
                 "microLesson": {"title": "%s", "text": "Papers go in the locked bin, never beside it.",
                   "questions": [{"prompt": "The bin is full. What do you do with the papers?",
                     "choices": ["Leave them beside the bin", "Keep them locked away and tell the office manager"],
                     "correct": 1, "explanation": "Papers beside the bin are open to anyone passing."}]}}
                """.formatted(practice.today, learner.id(), practice.today.plusDays(7), title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String lessonId = "event-" + XapiHttp.json(created).get("id").asString();

        String local = "http://127.0.0.1:" + port + "/start/" + links.issue(learner.id(), lessonId);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(local)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title);

        HttpResponse<String> launched = browser.send(HttpRequest.newBuilder(URI.create(local))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + field(page.body(), "_csrf") + "&module=" + lessonId))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        assertThat(launched.headers().firstValue("Location").orElseThrow())
                .contains("/cmi5/content/module-" + lessonId + "/").contains("fetch=").contains("registration=");
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a %s field", name).isTrue();
        return m.group(1);
    }
}
