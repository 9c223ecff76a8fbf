package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The draw every module's knowledge check uses (player.js computes the same; the packager's browser tests compare). */
class KnowledgeCheckDrawTest {

    private static final String REGISTRATION = "6f1c2a4e-9b0d-4c55-8a63-3f1f3c2d7e10";

    @Test
    void anAttemptAsksItemsPerObjectiveFromEveryObjective() {
        for (Module module : withChecks()) {
            List<Question> items = KnowledgeCheckDraw.first(REGISTRATION, 2027).items(module);
            assertThat(items).as(module.id()).doesNotHaveDuplicates()
                    .hasSize(module.knowledgeCheck().itemsPerObjective() * module.objectives().size());
            for (Objective objective : module.objectives()) {
                assertThat(items.stream().filter(q -> q.objective().equals(objective.id())))
                        .as(module.id() + "/" + objective.id()).hasSize(module.knowledgeCheck().itemsPerObjective());
            }
        }
    }

    @Test
    void theSameSeedCycleAndAttemptGiveTheSameDrawAndChoiceOrder() {
        Module module = Content.catalogue().module("privacy").orElseThrow();
        KnowledgeCheckDraw draw = KnowledgeCheckDraw.first(REGISTRATION, 2027);
        assertThat(draw.items(module)).isEqualTo(KnowledgeCheckDraw.first(REGISTRATION, 2027).items(module));
        Question item = draw.items(module).get(0);
        assertThat(draw.choices(module, item)).isEqualTo(KnowledgeCheckDraw.first(REGISTRATION, 2027).choices(module, item));
        assertThat(draw.choices(module, item)).containsExactlyInAnyOrderElementsOf(item.choices());
    }

    /** A new annual cycle rotates every objective's items: the same registration gets other items next year. */
    @Test
    void twoAnnualCyclesOfOneRegistrationAskDifferentItemsForEveryObjective() {
        for (Module module : withChecks()) {
            Set<String> year1 = ids(KnowledgeCheckDraw.first(REGISTRATION, 2027).items(module));
            Set<String> year2 = ids(KnowledgeCheckDraw.first(REGISTRATION, 2028).items(module));
            for (Objective objective : module.objectives()) {
                List<Question> bank = module.knowledgeCheck().bank(objective.id());
                if (bank.size() >= 2 * module.knowledgeCheck().itemsPerObjective()) {
                    assertThat(bank.stream().map(Question::id).filter(year1::contains))
                            .as(module.id() + "/" + objective.id() + ": no item asked both years")
                            .doesNotContainAnyElementsOf(year2);
                } else {
                    assertThat(bank.stream().map(Question::id).filter(year2::contains).filter(id -> !year1.contains(id)))
                            .as(module.id() + "/" + objective.id() + ": a new item next year").isNotEmpty();
                }
            }
        }
    }

    /**
     * A retake after a fail where every answer was wrong: the player reveals a wrong answer's key only while the
     * objective keeps enough other items, and the next draw never asks a revealed item and differs from the first.
     */
    @Test
    void aRetakeNeverAsksARevealedItemAndDiffersFromTheFailedAttempt() {
        for (Module module : withChecks()) {
            Set<String> asked = new HashSet<>();
            Set<String> revealed = new HashSet<>();
            List<Set<String>> attempts = new ArrayList<>();
            for (int attempt = 1; attempt <= 4; attempt++) {
                List<Question> items = new KnowledgeCheckDraw(REGISTRATION, 2027, attempt, asked, revealed).items(module);
                Set<String> ids = ids(items);
                if (!revealed.isEmpty()) {
                    assertThat(ids).as(module.id() + " attempt " + attempt).doesNotContainAnyElementsOf(revealed);
                }
                assertThat(items).hasSize(module.knowledgeCheck().itemsPerObjective() * module.objectives().size());
                for (Question item : items) {
                    if (KnowledgeCheckDraw.mayReveal(module, item, revealed)) {
                        revealed.add(item.id());
                    }
                }
                asked.addAll(ids);
                attempts.add(ids);
            }
            assertThat(attempts.get(1)).as(module.id()).isNotEqualTo(attempts.get(0));
        }
    }

    @Test
    void theFirstRetakeAsksOnlyNewItemsWhereTheBankAllows() {
        for (Module module : withChecks()) {
            KnowledgeCheckDraw first = KnowledgeCheckDraw.first(REGISTRATION, 2027);
            Set<String> firstIds = ids(first.items(module));
            Set<String> secondIds = ids(new KnowledgeCheckDraw(REGISTRATION, 2027, 2, firstIds, Set.of()).items(module));
            for (Objective objective : module.objectives()) {
                int bank = module.knowledgeCheck().bank(objective.id()).size();
                long repeated = module.knowledgeCheck().bank(objective.id()).stream().map(Question::id)
                        .filter(firstIds::contains).filter(secondIds::contains).count();
                assertThat(repeated).as(module.id() + "/" + objective.id())
                        .isEqualTo(Math.max(0, 2L * module.knowledgeCheck().itemsPerObjective() - bank));
            }
        }
    }

    @Test
    void anItemThatKeepsItsChoiceOrderIsNotShuffled() {
        Question ordered = Content.catalogue().modules().stream().flatMap(m -> m.questions().stream())
                .filter(Question::keepChoiceOrder).findFirst().orElseThrow();
        Module module = Content.catalogue().moduleContaining(ordered.iri()).orElseThrow();
        for (int attempt = 1; attempt < 6; attempt++) {
            assertThat(new KnowledgeCheckDraw(REGISTRATION, 2027, attempt, Set.of(), Set.of()).choices(module, ordered))
                    .isEqualTo(ordered.choices());
        }
    }

    /** FNV-1a and mulberry32 as published, so player.js and this class agree bit for bit. */
    @Test
    void theHashAndGeneratorMatchTheirReferenceValues() {
        assertThat(KnowledgeCheckDraw.fnv1a("")).isEqualTo(0x811c9dc5);
        assertThat(KnowledgeCheckDraw.fnv1a("a")).isEqualTo(0xe40c292c);
        assertThat(KnowledgeCheckDraw.fnv1a("foobar")).isEqualTo(0xbf9cf968);
        KnowledgeCheckDraw.Mulberry32 random = new KnowledgeCheckDraw.Mulberry32(1);
        double first = random.next();
        assertThat(first).isBetween(0.0, 1.0);
        assertThat(new KnowledgeCheckDraw.Mulberry32(1).next()).isEqualTo(first);
    }

    private static List<Module> withChecks() {
        return Content.catalogue().modules().stream().filter(m -> !m.knowledgeCheck().isEmpty()).toList();
    }

    private static Set<String> ids(List<Question> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(q -> ids.add(q.id()));
        return ids;
    }
}
