package org.hipaatraining.content;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A training module: lessons, a knowledge check with a mastery score, a policy acknowledgement, a supervisor's
 * reinforcement kit, and its version history.
 *
 * @param masteryScore   the scaled score (0..1) that passes the knowledge check
 * @param knowledgeCheck the item bank and how many items an attempt draws per objective
 * @param attestation    the policy acknowledgement; null for modules without one (reminders)
 * @param reinforcement  the supervisor's talking points; null when the content has none
 * @param assets         image files the lessons use, relative to the module folder
 * @param changelog      every published version, newest first
 */
public record Module(String id, String iri, ModuleKind kind, String title, String description, String version,
                     LocalDate effectiveDate, int estimatedMinutes, double masteryScore, List<Objective> objectives,
                     List<String> citations, List<Lesson> lessons, KnowledgeCheck knowledgeCheck,
                     Attestation attestation, ReinforcementKit reinforcement, List<ChangeLogEntry> changelog,
                     List<String> assets) {

    public Module {
        objectives = List.copyOf(objectives);
        citations = List.copyOf(citations);
        lessons = List.copyOf(lessons);
        changelog = List.copyOf(changelog);
        assets = List.copyOf(assets);
    }

    /** Every item of the knowledge check's bank (an attempt asks only some of them); empty without a check. */
    public List<Question> questions() {
        return knowledgeCheck.items();
    }

    public Optional<Objective> objective(String objectiveId) {
        return objectives.stream().filter(o -> o.id().equals(objectiveId)).findFirst();
    }

    public Optional<Lesson> lesson(String lessonId) {
        return lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst();
    }

    public Optional<Question> question(String questionId) {
        return questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The changelog entry of a version. */
    public Optional<ChangeLogEntry> release(String moduleVersion) {
        return changelog.stream().filter(c -> c.version().equals(moduleVersion)).findFirst();
    }

    /** The version in effect on a day: the newest release dated on or before it (the first release before that). */
    public String versionOn(LocalDate day) {
        return changelog.stream().filter(c -> !c.date().isAfter(day)).max(Comparator.comparing(ChangeLogEntry::date))
                .or(() -> changelog.stream().min(Comparator.comparing(ChangeLogEntry::date)))
                .map(ChangeLogEntry::version).orElse(version);
    }
}
