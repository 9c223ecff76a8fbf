package org.hipaatraining.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which items an attempt of a knowledge check asks, and in which order their choices appear: the reference for the
 * player (player.js implements the same steps) and for the LRS, which can reproduce any attempt from what the
 * statements record. docs/content-format.md, "The draw", describes it in words.
 *
 * <p>Everything derives from seeded shuffles: FNV-1a (32 bit) of a UTF-8 seed string seeds mulberry32, and a
 * Fisher-Yates shuffle from the last position down takes {@code j = floor(random * (i + 1))}.
 *
 * @param seedKey  the registration (xAPI, cmi5), or {@code learner:<id>} (SCORM), or {@code local:<random>}
 * @param cycle    the UTC year the attempt began: a new year rotates each objective's items
 * @param attempt  1 for the first attempt of this registration, counting up
 * @param asked    items asked by earlier attempts of this registration
 * @param revealed items whose correct answer the player has shown: never asked again
 */
public record KnowledgeCheckDraw(String seedKey, int cycle, int attempt, Set<String> asked, Set<String> revealed) {

    public KnowledgeCheckDraw {
        asked = Set.copyOf(asked);
        revealed = Set.copyOf(revealed);
    }

    /** The first attempt of a registration in a cycle. */
    public static KnowledgeCheckDraw first(String seedKey, int cycle) {
        return new KnowledgeCheckDraw(seedKey, cycle, 1, Set.of(), Set.of());
    }

    /**
     * The items of this attempt, in the order asked. Per objective (module order): the bank is shuffled with the seed
     * {@code seedKey|moduleId|objectiveId} (the same every attempt and year), rotated left by
     * {@code cycle * itemsPerObjective} modulo the bank size, the revealed items are dropped, and the first
     * {@code itemsPerObjective} are taken, items never asked first. The items of all objectives are then shuffled with
     * {@code seedKey|moduleId|cycle|attempt}.
     */
    public List<Question> items(Module module) {
        KnowledgeCheck check = module.knowledgeCheck();
        List<Question> drawn = new ArrayList<>();
        for (Objective objective : module.objectives()) {
            List<Question> bank = check.bank(objective.id());
            if (bank.isEmpty()) {
                continue;
            }
            List<Question> order = shuffle(bank, seedKey + "|" + module.id() + "|" + objective.id());
            int offset = Math.floorMod((long) cycle * check.itemsPerObjective(), bank.size());
            List<Question> rotated = new ArrayList<>(order.subList(offset, order.size()));
            rotated.addAll(order.subList(0, offset));
            List<Question> eligible = rotated.stream().filter(q -> !revealed.contains(q.id())).toList();
            List<Question> preferred = new ArrayList<>(eligible.stream().filter(q -> !asked.contains(q.id())).toList());
            eligible.stream().filter(q -> asked.contains(q.id())).forEach(preferred::add);
            drawn.addAll(preferred.subList(0, Math.min(check.itemsPerObjective(), preferred.size())));
        }
        return shuffle(drawn, seedKey + "|" + module.id() + "|" + cycle + "|" + attempt);
    }

    /** The choices of an item as this attempt shows them: shuffled with {@code seedKey|moduleId|itemId|cycle|attempt}. */
    public List<Choice> choices(Module module, Question item) {
        if (item.keepChoiceOrder()) {
            return item.choices();
        }
        return shuffle(item.choices(), seedKey + "|" + module.id() + "|" + item.id() + "|" + cycle + "|" + attempt);
    }

    /**
     * Whether the player may show an item's correct answer after a wrong answer: only while its objective keeps
     * enough unrevealed items for a full draw afterwards, so a later attempt never has to ask a revealed item.
     */
    public static boolean mayReveal(Module module, Question item, Collection<String> revealed) {
        long left = module.knowledgeCheck().bank(item.objective()).stream()
                .filter(q -> !q.id().equals(item.id()) && !revealed.contains(q.id())).count();
        return left >= module.knowledgeCheck().itemsPerObjective();
    }

    static <T> List<T> shuffle(List<T> items, String seed) {
        List<T> result = new ArrayList<>(items);
        Mulberry32 random = new Mulberry32(fnv1a(seed));
        for (int i = result.size() - 1; i > 0; i--) {
            int j = (int) Math.floor(random.next() * (i + 1));
            T swap = result.get(i);
            result.set(i, result.get(j));
            result.set(j, swap);
        }
        return result;
    }

    /** FNV-1a, 32 bit, over the UTF-8 bytes. */
    static int fnv1a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }

    /** mulberry32: a small 32-bit generator that JavaScript computes identically with Math.imul. */
    static final class Mulberry32 {

        private int state;

        Mulberry32(int seed) {
            this.state = seed;
        }

        double next() {
            state += 0x6D2B79F5;
            int t = (state ^ (state >>> 15)) * (1 | state);
            t = (t + ((t ^ (t >>> 7)) * (61 | t))) ^ t;
            return ((t ^ (t >>> 14)) & 0xffffffffL) / 4294967296.0;
        }
    }
}
