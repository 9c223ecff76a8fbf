package org.hipaatraining.lrs.staffimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Role;
import org.springframework.stereotype.Component;

/**
 * Suggests a training role for a job title from the catalogue's role titles and descriptions: "Receptionist" is front
 * desk ("Reception, scheduling, check-in..."), "Medical biller" billing, "RN" clinical. The title's last word (its
 * head noun: the biller of "medical biller") and words in a role's own title weigh most; a title that matches nothing
 * gets the baseline role everyone takes. Only a suggestion: the admin confirms it once and it is kept.
 */
@Component
public class RoleSuggestions {

    /** The baseline role of the catalogue. */
    static final String BASELINE = "everyone";

    /** Credentials and abbreviations payroll systems use for clinical titles. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("rn", "clinical"),
            Map.entry("lpn", "clinical"), Map.entry("lvn", "clinical"), Map.entry("cna", "clinical"),
            Map.entry("np", "clinical"), Map.entry("pa", "clinical"), Map.entry("md", "clinical"), Map.entry("do", "clinical"),
            Map.entry("ma", "clinical"), Map.entry("cma", "clinical"), Map.entry("aprn", "clinical"),
            Map.entry("doctor", "clinical"), Map.entry("provider", "clinical"), Map.entry("hygienist", "clinical"),
            Map.entry("dentist", "clinical"), Map.entry("therapist", "clinical"), Map.entry("technician", "clinical"),
            Map.entry("phlebotomist", "clinical"), Map.entry("pharmacist", "clinical"), Map.entry("clinician", "clinical"),
            Map.entry("administrator", "management"), Map.entry("director", "management"), Map.entry("officer", "management"),
            Map.entry("sysadmin", "it"), Map.entry("helpdesk", "it"), Map.entry("developer", "it"), Map.entry("network", "it"));

    private static final Set<String> NOISE = Set.of("and", "of", "the", "staff", "senior", "sr", "junior", "jr", "lead",
            "i", "ii", "iii", "iv", "part", "time", "full", "temp", "temporary", "per", "diem", "prn", "a", "an", "or",
            "for", "to", "who", "with", "anyone", "practice", "practices", "s");

    private final Catalogue catalogue;

    RoleSuggestions(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The role that suits a job title best, in catalogue order on a tie; the baseline when none does. */
    public String suggest(String jobTitle) {
        List<String> words = words(jobTitle);
        if (words.isEmpty()) {
            return BASELINE;
        }
        String best = BASELINE;
        int bestScore = 0;
        for (Role role : catalogue.roles()) {
            if (role.id().equals(BASELINE)) {
                continue;
            }
            List<String> titleWords = words(role.title() + " " + role.id());
            List<String> descriptionWords = words(role.description());
            int score = 0;
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                int weight = i == words.size() - 1 ? 2 : 1;
                if (role.id().equals(ABBREVIATIONS.get(word))) {
                    score += 4 * weight;
                } else if (titleWords.stream().anyMatch(w -> sameWord(w, word))) {
                    score += 2 * weight;
                } else if (descriptionWords.stream().anyMatch(w -> sameWord(w, word))) {
                    score += weight;
                }
            }
            if (score > bestScore) {
                best = role.id();
                bestScore = score;
            }
        }
        return best;
    }

    /** The same word, or the same stem: receptionist/reception, nurse/nurses, biller/billers, scheduler/scheduling. */
    static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() < 4 || b.length() < 4) {
            return false;
        }
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= Math.max(5, Math.min(a.length(), b.length()) - 2) || (common >= 4 && common == Math.min(a.length(), b.length()));
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(w -> !w.isEmpty() && !NOISE.contains(w))
                .forEach(words::add);
        return words;
    }
}
