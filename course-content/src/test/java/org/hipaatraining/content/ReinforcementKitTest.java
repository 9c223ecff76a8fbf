package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every module gives supervisors a short kit to reinforce it with the team (talking-points.yaml). */
class ReinforcementKitTest {

    /** About 130 words: read aloud in under a minute, which leaves a minute of a two-minute huddle to discuss it. */
    static final int HUDDLE_SCENARIO_MAX_CHARS = 700;

    @Test
    void everyModuleHasThreeTalkingPointsATwoMinuteHuddleAndFollowUpQuestions() {
        for (Module module : Content.catalogue().modules()) {
            ReinforcementKit kit = module.reinforcement();
            assertThat(kit).as(module.id() + " has talking-points.yaml").isNotNull();
            assertThat(kit.talkingPoints()).as(module.id()).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThan(160));
            assertThat(kit.huddle().title()).isNotBlank();
            assertThat(kit.huddle().scenario().length()).as(module.id() + " huddle").isLessThanOrEqualTo(HUDDLE_SCENARIO_MAX_CHARS);
            assertThat(kit.huddle().discussion()).as(module.id()).isNotEmpty();
            assertThat(kit.followUpQuestions()).as(module.id()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(f -> assertThat(f.question()).endsWith("?"))
                    .allSatisfy(f -> assertThat(f.listenFor()).isNotBlank());
        }
    }
}
