package org.hipaatraining.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * A test-wise learner's rule for answering without knowing the subject, applied to one bank item: the chance that the
 * rule gets the item right. Rules that look at the text (length, wording) see the choices in any order; rules that
 * look at positions see the authored order only when an item keeps its order, otherwise the player's shuffle makes
 * every position equally likely to hold the key.
 */
abstract class TestTakingStrategy {

    private static final Pattern WORD = Pattern.compile("[a-z0-9']+");
    private static final Set<String> ABSOLUTES = Set.of("never", "always", "all", "none", "nothing", "every", "everyone",
            "everything", "only", "must", "cannot", "can't", "nobody", "any", "entire", "entirely", "completely",
            "automatically", "whatever", "whenever", "anyone", "anything");
    private static final Set<String> HEDGES = Set.of("may", "might", "can", "could", "usually", "generally", "often",
            "sometimes", "typically", "likely", "reasonable", "reasonably", "probably", "some", "most", "unless", "if",
            "depending", "possible", "appropriate", "normally", "when");
    private static final Set<String> COMPLIANCE = Set.of("privacy", "officer", "security", "official", "report", "reports",
            "reported", "verify", "verifies", "verified", "minimum", "necessary", "authorization", "policy", "document",
            "documents", "secure", "encrypted", "approved", "procedure", "agreement", "same", "day");
    private static final Set<String> REFUSALS = Set.of("refuse", "refuses", "decline", "declines", "deny", "denies",
            "not", "don't", "never", "wait", "until", "first", "before", "hold", "stop");
    private static final Set<String> REASONS = Set.of("because", "since", "so", "as", "unless");
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with",
            "is", "are", "be", "it", "that", "this", "at", "by", "from", "as", "her", "his", "their", "she", "he", "they",
            "you", "your", "what", "which", "who", "should", "would", "do", "does", "was", "were", "has", "have", "had",
            "not", "no", "if", "then", "than", "them", "its", "into", "about", "these", "those", "there", "so", "can");
    private static final Set<String> ALL_OF_THE_ABOVE = Set.of("all of the above", "both of the above",
            "none of the above", "all of these", "both of these", "none of these");

    final String name;

    TestTakingStrategy(String name) {
        this.name = name;
    }

    /** The chance of getting this item right with the rule. */
    abstract double score(Question item);

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------------------------------- the strategies

    static List<TestTakingStrategy> all() {
        return List.of(
                byScore("longest option", c -> c.text().length()),
                byScore("shortest option", c -> -c.text().length()),
                new SecondLongest(),
                byScore("absolute words are wrong", c -> -count(c.text(), ABSOLUTES)),
                byScore("hedged option is right", c -> count(c.text(), HEDGES)),
                byScore("most precise (numbers, commas, parentheses)", c -> detail(c.text())),
                byScore("sounds like compliance (report, verify, Privacy Officer...)", c -> count(c.text(), COMPLIANCE)),
                byScore("most cautious (refuse, wait, do not...)", c -> count(c.text(), REFUSALS)),
                byScore("gives a reason (because, since, so...)", c -> count(c.text(), REASONS)),
                new StemOverlap(),
                new Convergence(),
                new OddOneOut(),
                new GrammaticalAgreement(),
                new AllOfTheAbove(),
                new Position("middle position", (i, n) -> n > 2 && i > 0 && i < n - 1),
                new Position("last position", (i, n) -> i == n - 1),
                new Position("first position", (i, n) -> i == 0),
                new SelectAll());
    }

    /** The baseline: an answer picked blindly, any choice (single) or any non-empty set of choices (multiple). */
    static TestTakingStrategy blindGuess() {
        return new TestTakingStrategy("blind guessing") {
            @Override
            double score(Question item) {
                int n = item.choices().size();
                return item.type() == QuestionType.SINGLE ? 1.0 / n : 1.0 / (Math.pow(2, n) - 1);
            }
        };
    }

    /**
     * A rule that ranks choices by a score: a single-choice item gets the best-scoring choice (ties broken at random);
     * a multiple-choice item gets every choice scoring above the average, or all of them when they tie.
     */
    static TestTakingStrategy byScore(String name, ToDoubleFunction<Choice> score) {
        return new TestTakingStrategy(name) {
            @Override
            double score(Question item) {
                double[] scores = item.choices().stream().mapToDouble(score).toArray();
                return item.type() == QuestionType.SINGLE ? best(item, scores) : aboveAverage(item, scores);
            }
        };
    }

    static double best(Question item, double[] scores) {
        double max = Arrays.stream(scores).max().orElseThrow();
        int tied = 0, right = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == max) {
                tied++;
                right += item.correct().contains(item.choices().get(i).id()) ? 1 : 0;
            }
        }
        return (double) right / tied;
    }

    static double aboveAverage(Question item, double[] scores) {
        double mean = Arrays.stream(scores).average().orElseThrow();
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > mean) {
                picked.add(item.choices().get(i).id());
            }
        }
        if (picked.isEmpty()) {
            item.choices().forEach(c -> picked.add(c.id()));
        }
        return item.isCorrect(picked) ? 1 : 0;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    static Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>();
        for (String word : words(text)) {
            if (word.length() > 3 && !STOP.contains(word)) {
                words.add(word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word);
            }
        }
        return words;
    }

    static double count(String text, Set<String> vocabulary) {
        return words(text).stream().filter(vocabulary::contains).count();
    }

    static double detail(String text) {
        return text.chars().filter(c -> c == ',' || c == '(' || c == ';').count()
                + Pattern.compile("\\d+").matcher(text).results().count();
    }

    static double sharedWords(String a, String b) {
        Set<String> shared = contentWords(a);
        shared.retainAll(contentWords(b));
        return shared.size();
    }

    /** The option that repeats most of the stem's words (scenario and prompt). */
    static final class StemOverlap extends TestTakingStrategy {

        StemOverlap() {
            super("repeats the stem's words");
        }

        @Override
        double score(Question item) {
            String stem = (item.scenario() == null ? "" : item.scenario()) + " " + item.prompt();
            double[] scores = item.choices().stream().mapToDouble(c -> sharedWords(stem, c.text())).toArray();
            return item.type() == QuestionType.SINGLE ? best(item, scores) : aboveAverage(item, scores);
        }
    }

    /** The option that shares the most words with the other options: keys often combine their parts. */
    static final class Convergence extends TestTakingStrategy {

        Convergence() {
            super("converges with the other options");
        }

        @Override
        double score(Question item) {
            double[] scores = item.choices().stream().mapToDouble(c -> item.choices().stream()
                    .filter(o -> o != c).mapToDouble(o -> sharedWords(c.text(), o.text())).sum()).toArray();
            return item.type() == QuestionType.SINGLE ? best(item, scores) : aboveAverage(item, scores);
        }
    }

    /** The option unlike the others in length and wording: written differently because it was written first. */
    static final class OddOneOut extends TestTakingStrategy {

        OddOneOut() {
            super("odd one out (length and wording)");
        }

        @Override
        double score(Question item) {
            double mean = item.choices().stream().mapToInt(c -> c.text().length()).average().orElseThrow();
            double[] scores = item.choices().stream().mapToDouble(c -> Math.abs(c.text().length() - mean) / mean
                    - item.choices().stream().filter(o -> o != c).mapToDouble(o -> sharedWords(c.text(), o.text()))
                    .sum() / 10.0).toArray();
            return item.type() == QuestionType.SINGLE ? best(item, scores) : aboveAverage(item, scores);
        }
    }

    /**
     * Grammar between stem and option: a stem ending in "a" or "an" fits an option starting with a consonant or a
     * vowel; a stem that is an unfinished sentence fits options that continue it in lower case; a stem asking about
     * one thing ("Which is", "Who is") fits options that do not read as a list.
     */
    static final class GrammaticalAgreement extends TestTakingStrategy {

        GrammaticalAgreement() {
            super("grammatical agreement with the stem");
        }

        @Override
        double score(Question item) {
            String prompt = item.prompt().trim();
            List<String> stemWords = words(prompt);
            String last = stemWords.isEmpty() ? "" : stemWords.get(stemWords.size() - 1);
            double[] scores = item.choices().stream().mapToDouble(c -> {
                String text = c.text().trim().replaceFirst("^[\"\u201c]", "");
                double s = 0;
                boolean vowel = !text.isEmpty() && "aeiouAEIOU".indexOf(text.charAt(0)) >= 0;
                if (last.equals("an")) {
                    s += vowel ? 1 : 0;
                } else if (last.equals("a")) {
                    s += vowel ? 0 : 1;
                }
                if (!prompt.endsWith("?") && !text.isEmpty() && Character.isLowerCase(text.charAt(0))) {
                    s += 1;
                }
                if (prompt.matches("(?i)^(which|who|what) (is|was)\\b.*") && !text.contains(",")) {
                    s += 0.5;
                }
                return s;
            }).toArray();
            return item.type() == QuestionType.SINGLE ? best(item, scores) : aboveAverage(item, scores);
        }
    }

    /** "All of the above", "both of these", "none of these": chosen whenever an item offers one. */
    static final class AllOfTheAbove extends TestTakingStrategy {

        AllOfTheAbove() {
            super("all/none of the above");
        }

        @Override
        double score(Question item) {
            double[] scores = item.choices().stream().mapToDouble(c -> ALL_OF_THE_ABOVE.stream()
                    .anyMatch(p -> c.text().toLowerCase(Locale.ROOT).contains(p)) ? 1 : 0).toArray();
            return item.type() == QuestionType.SINGLE ? best(item, scores) : aboveAverage(item, scores);
        }
    }

    /** A favourite position. On a shuffled item every position holds the key equally often. */
    static final class Position extends TestTakingStrategy {

        interface Rule {
            boolean picks(int index, int count);
        }

        private final Rule rule;

        Position(String name, Rule rule) {
            super(name);
            this.rule = rule;
        }

        @Override
        double score(Question item) {
            int n = item.choices().size();
            if (!item.keepChoiceOrder()) {
                // shuffled: the key is equally likely in every position
                if (item.type() == QuestionType.SINGLE) {
                    return 1.0 / n;
                }
                long picked = java.util.stream.IntStream.range(0, n).filter(i -> rule.picks(i, n)).count();
                return picked == item.correct().size() ? 1 / binomial(n, (int) picked) : 0;
            }
            double[] scores = java.util.stream.IntStream.range(0, n).mapToDouble(i -> rule.picks(i, n) ? 1 : 0).toArray();
            return item.type() == QuestionType.SINGLE ? best(item, scores) : aboveAverage(item, scores);
        }

        private static double binomial(int n, int k) {
            double result = 1;
            for (int i = 1; i <= k; i++) {
                result = result * (n - k + i) / i;
            }
            return result;
        }
    }

    /**
     * The reaction of a learner who heard that keys are no longer the longest option: the second-longest one (on
     * "select all", everything but the longest).
     */
    static final class SecondLongest extends TestTakingStrategy {

        SecondLongest() {
            super("second-longest option");
        }

        @Override
        double score(Question item) {
            int[] lengths = item.choices().stream().mapToInt(c -> c.text().length()).toArray();
            int max = java.util.Arrays.stream(lengths).max().orElseThrow();
            if (item.type() == QuestionType.MULTIPLE) {
                Set<String> picked = new HashSet<>();
                for (int i = 0; i < lengths.length; i++) {
                    if (lengths[i] < max) {
                        picked.add(item.choices().get(i).id());
                    }
                }
                return item.isCorrect(picked) ? 1 : 0;
            }
            int second = java.util.Arrays.stream(lengths).filter(l -> l < max).max().orElse(max);
            double[] scores = java.util.Arrays.stream(lengths).mapToDouble(l -> l == second ? 1 : 0).toArray();
            return best(item, scores);
        }
    }

    /** On "select all that apply", select everything. */
    static final class SelectAll extends TestTakingStrategy {

        SelectAll() {
            super("select every option (multiple) / random (single)");
        }

        @Override
        double score(Question item) {
            if (item.type() == QuestionType.SINGLE) {
                return 1.0 / item.choices().size();
            }
            return item.correct().size() == item.choices().size() ? 1 : 0;
        }
    }
}
