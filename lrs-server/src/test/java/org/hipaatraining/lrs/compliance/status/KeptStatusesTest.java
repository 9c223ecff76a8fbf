package org.hipaatraining.lrs.compliance.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Kept statuses (what every page and export reads) equal a recomputation from scratch after a random history of
 * everything a person's statuses depend on: results, launches, acknowledgements, voidings, role changes with past and
 * future dates, leave and return, departures; and the overview's counts, caught up change by change while the overview
 * is viewed between steps, equal an aggregation of them. The seed is printed so a failure replays.
 */
class KeptStatusesTest extends LrsIntegrationTest {

    private static final String[] MODULES = {"privacy", "security", "breach", "billing", "role-front-desk", "role-clinical"};
    private static final String[] ROLES = {"everyone", "front-desk", "clinical", "billing", "it", "management"};

    @Test
    void keptStatusesEqualARecomputationAfterARandomHistory() {
        long seed = Long.getLong("kept.seed", System.nanoTime());
        System.out.println("KeptStatusesTest seed " + seed + " (replay with -Dkept.seed=" + seed + ")");
        Random random = new Random(seed);
        PracticeFixture practice = new PracticeFixture(xapi);
        List<Learner> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(practice.person("Kept %02d %s".formatted(i, practice.run), "kept" + i,
                    List.of(ROLES[random.nextInt(ROLES.length)]), 20 + random.nextInt(700), "Dr. Kept" + (i % 3)));
        }
        List<String> sent = new ArrayList<>();
        for (int step = 0; step < 160; step++) {
            if (step % 20 == 0) {
                ok(practice.admin().get("/admin")); // the overview catches its counts up from here on
            }
            Learner who = people.get(random.nextInt(people.size()));
            String module = MODULES[random.nextInt(MODULES.length)];
            int daysAgo = random.nextInt(800);
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> sent.add(practice.send(TrainingStatements.passed(who.mbox(), who.name(), module, daysAgo(daysAgo),
                        0.8 + random.nextInt(21) / 100.0)));
                case 3 -> sent.add(practice.send(TrainingStatements.failed(who.mbox(), who.name(), module, daysAgo(daysAgo), 0.5)));
                case 4 -> sent.add(practice.send(TrainingStatements.initialized(who.mbox(), who.name(), module, daysAgo(daysAgo))));
                case 5 -> sent.add(practice.send(TrainingStatements.acknowledged(who.mbox(), who.name(), module,
                        daysAgo(daysAgo), module + "-policy", "2026.1")));
                case 6 -> {
                    if (!sent.isEmpty()) {
                        practice.send(TrainingStatements.voiding(sent.remove(random.nextInt(sent.size()))));
                    }
                }
                case 7 -> ok(practice.admin().putJson("/api/roster/people/" + who.id() + "/roles",
                        "{\"roles\":[\"" + ROLES[random.nextInt(ROLES.length)] + "\",\"" + ROLES[random.nextInt(ROLES.length)]
                                + "\"],\"effective\":\"" + practice.today.plusDays(random.nextInt(60) - 40) + "\"}", Map.of()));
                case 8 -> ok(practice.admin().putJson("/api/roster/people/" + who.id() + "/status",
                        "{\"status\":\"" + (random.nextBoolean() ? "ON_LEAVE" : "ACTIVE") + "\",\"effective\":\""
                                + practice.today.minusDays(random.nextInt(30)) + "\"}", Map.of()));
                default -> {
                    if (random.nextInt(4) == 0) {
                        ok(practice.admin().putJson("/api/roster/people/" + who.id() + "/status",
                                "{\"status\":\"DEPARTED\",\"effective\":\"" + practice.today.minusDays(random.nextInt(10)) + "\"}", Map.of()));
                    } else {
                        sent.add(practice.send(TrainingStatements.passed(who.mbox(), who.name(), module, daysAgo(random.nextInt(30)), 0.9)));
                    }
                }
            }
        }

        AtomicReference<JsonNode> check = new AtomicReference<>();
        // a change that concerned everyone may still be in the background pass (every 2 s): wait for it, not longer
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            check.set(XapiHttp.json(practice.admin().get("/api/compliance/status-check")));
            return check.get().get("differing").asInt() == 0 && check.get().get("overviewCountsAgree").asBoolean();
        });
        assertThat(check.get().get("people").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(check.get().get("differing").asInt()).as(check.get().toString()).isZero();
        assertThat(check.get().get("overviewCountsAgree").asBoolean())
                .as("the overview's counts, caught up change by change, equal an aggregation").isTrue();
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
