package org.hipaatraining.lrs.compliance.lms;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.content.Module;

/**
 * Guesses which catalogue module an LMS activity is from its name. Admins name a Moodle SCORM activity after the package
 * they upload ("HIPAA Privacy Rule essentials (SCORM 2004)"), or shorten it ("Privacy essentials 2026"), so the guess is
 * the module whose title words the name covers best, ignoring words that say nothing about the topic.
 */
final class ModuleNameMatcher {

    /** Below this share of a title's words, a match is a coincidence ("security" alone fits several modules). */
    static final double THRESHOLD = 0.6;

    private static final Set<String> NOISE = Set.of("hipaa", "the", "and", "a", "an", "of", "in", "for", "to", "on",
            "module", "course", "training", "scorm", "xapi", "tincan", "cmi5", "package", "essentials", "annual",
            "refresher", "by", "with", "1", "2", "12", "2004", "4th", "edition", "v", "version");

    private final List<Module> modules;

    ModuleNameMatcher(List<Module> modules) {
        this.modules = modules;
    }

    /** The module whose title (or id) this name matches, if one matches clearly better than the others. */
    Optional<Module> match(String activityName) {
        Set<String> name = words(activityName);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Module best = null;
        double bestScore = 0;
        boolean tie = false;
        for (Module module : modules) {
            double score = Math.max(score(name, words(module.title())), score(name, words(module.id())));
            if (score > bestScore) {
                best = module;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return bestScore >= THRESHOLD && !tie ? Optional.of(best) : Optional.empty();
    }

    /** The share of the title's words the name contains, less a little for every extra word in the name. */
    private static double score(Set<String> name, Set<String> title) {
        if (title.isEmpty()) {
            return 0;
        }
        long shared = title.stream().filter(name::contains).count();
        long extra = name.size() - shared;
        return (double) shared / title.size() - 0.05 * extra;
    }

    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        for (String word : plain.split("[^a-z0-9]+")) {
            String stem = word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
            if (!stem.isEmpty() && !NOISE.contains(stem) && !NOISE.contains(word) && !stem.matches("20\\d\\d")) {
                words.add(stem);
            }
        }
        return words;
    }
}
