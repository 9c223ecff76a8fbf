package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * A learner who knows nothing about HIPAA but a lot about tests must not pass. Every strategy in
 * {@link TestTakingStrategy} plays every module's bank under the module's draw rules (each objective contributes
 * itemsPerObjective items drawn from its bank, every item equally likely); the expected score must stay below the
 * mastery score, and the chance of passing an attempt by the strategy must stay small: at most 5%, or twice the chance
 * of passing by blind guessing where a short check (a 4-question reminder) makes guessing itself pass that often. And
 * the key may be the longest option of at most a third of the single-choice items.
 */
class TestTakingStrategiesTest {

    /** The highest chance of passing an attempt by a strategy alone that we accept... */
    static final double MAX_PASS_CHANCE = 0.05;
    /** ...unless blind guessing already passes that often: then no more than this many times the guessing chance. */
    static final double MAX_TIMES_GUESSING = 2;

    @Test
    void noStrategyExpectsToReachTheMasteryScoreOrOftenPasses() {
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder("module | strategy | expected score | chance to pass | mastery\n");
        for (Module module : Content.catalogue().modules()) {
            if (module.knowledgeCheck().isEmpty()) {
                continue;
            }
            double guessing = Outcome.of(module, TestTakingStrategy.blindGuess()).passChance();
            double allowed = Math.max(MAX_PASS_CHANCE, MAX_TIMES_GUESSING * guessing);
            for (TestTakingStrategy strategy : TestTakingStrategy.all()) {
                Outcome outcome = Outcome.of(module, strategy);
                report.append(String.format(Locale.ROOT, "%s | %s | %.2f | %.3f | %.2f%n", module.id(), strategy,
                        outcome.expected(), outcome.passChance(), module.masteryScore()));
                if (outcome.expected() >= module.masteryScore()) {
                    problems.add(module.id() + ": \"" + strategy + "\" expects " + outcome.expected());
                }
                if (outcome.passChance() > allowed) {
                    problems.add(String.format(Locale.ROOT, "%s: \"%s\" passes %.1f%% of attempts (guessing %.1f%%)",
                            module.id(), strategy, outcome.passChance() * 100, guessing * 100));
                }
            }
        }
        System.out.println(report);
        assertThat(problems).isEmpty();
    }

    @Test
    void theKeyIsTheLongestOptionOfAtMostAThirdOfSingleChoiceItems() {
        List<String> problems = new ArrayList<>();
        int all = 0, allLongest = 0;
        for (Module module : Content.catalogue().modules()) {
            List<Question> single = module.questions().stream().filter(q -> q.type() == QuestionType.SINGLE).toList();
            List<String> longest = single.stream().filter(TestTakingStrategiesTest::keyIsLongest).map(Question::id).toList();
            all += single.size();
            allLongest += longest.size();
            if (longest.size() * 3 > single.size()) {
                problems.add(module.id() + ": key longest in " + longest.size() + " of " + single.size() + " " + longest);
            }
        }
        System.out.printf(Locale.ROOT, "key is the longest option in %d of %d single-choice items%n", allLongest, all);
        assertThat(problems).isEmpty();
    }

    static boolean keyIsLongest(Question q) {
        int key = q.choices().stream().filter(c -> q.correct().contains(c.id())).mapToInt(c -> c.text().length()).max()
                .orElseThrow();
        return q.choices().stream().filter(c -> !q.correct().contains(c.id())).allMatch(c -> c.text().length() <= key);
    }

    /**
     * What a strategy scores on a module: the expected score, and the chance that an attempt reaches the mastery
     * score. An attempt's score is a sum over objectives of the correct answers among the items drawn for it.
     */
    record Outcome(double expected, double passChance) {

        static Outcome of(Module module, TestTakingStrategy strategy) {
            int k = module.knowledgeCheck().itemsPerObjective();
            double[] total = {1}; // distribution of the number correct, starting from zero items
            double expected = 0;
            int objectives = 0;
            for (Objective objective : module.objectives()) {
                List<Question> bank = module.knowledgeCheck().bank(objective.id());
                if (bank.isEmpty()) {
                    continue;
                }
                double[] scores = bank.stream().mapToDouble(strategy::score).toArray();
                expected += java.util.Arrays.stream(scores).average().orElseThrow();
                objectives++;
                total = convolve(total, drawDistribution(scores, Math.min(k, bank.size())));
            }
            int asked = total.length - 1;
            long needed = (long) Math.ceil(module.masteryScore() * asked - 1e-9);
            double pass = 0;
            for (int correct = (int) needed; correct <= asked; correct++) {
                pass += total[correct];
            }
            return new Outcome(expected / objectives, pass);
        }

        /** The distribution of correct answers among k items drawn without replacement, each right with its chance. */
        static double[] drawDistribution(double[] scores, int k) {
            double[] result = new double[k + 1];
            List<int[]> subsets = new ArrayList<>();
            subsets(scores.length, k, 0, new int[k], 0, subsets);
            for (int[] subset : subsets) {
                double[] d = {1};
                for (int i : subset) {
                    d = convolve(d, new double[] {1 - scores[i], scores[i]});
                }
                for (int c = 0; c <= k; c++) {
                    result[c] += d[c] / subsets.size();
                }
            }
            return result;
        }

        private static void subsets(int n, int k, int start, int[] current, int depth, List<int[]> out) {
            if (depth == k) {
                out.add(current.clone());
                return;
            }
            for (int i = start; i < n; i++) {
                current[depth] = i;
                subsets(n, k, i + 1, current, depth + 1, out);
            }
        }

        static double[] convolve(double[] a, double[] b) {
            double[] result = new double[a.length + b.length - 1];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    result[i + j] += a[i] * b[j];
                }
            }
            return result;
        }
    }
}
