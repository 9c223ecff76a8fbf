package org.hipaatraining.lrs.reports.insights;

import java.util.List;

/**
 * The insights page for one module version, role and period: each bank item, each lesson, and what each role misses.
 *
 * @param role     the role shown, or {@code *} for everyone
 * @param from     first month (YYYY-MM) or day (YYYY-MM-DD) counted, UTC
 * @param to       last month or day counted
 */
record KnowledgeCheckInsights(String moduleId, String moduleTitle, String version, List<String> versions, String role,
                              String from, String to, List<ItemRow> items, List<LessonRow> lessons,
                              List<RoleMisses> misunderstood) {

    /**
     * One bank item.
     *
     * @param answers        every answer counted, retakes included
     * @param firstTries     people who answered it for the first time (in this module version)
     * @param firstCorrect   how many of them were right
     * @param choices        every choice, with how often it was picked (all answers)
     * @param discrimination share right among answers in passed attempts minus share right among answers in failed
     *                       attempts (-1..1); null until both sides have answers
     */
    record ItemRow(String id, String prompt, String objective, String objectiveText, String lesson, int answers,
                   int firstTries, int firstCorrect, List<ChoiceCount> choices, int passAnswered, int passCorrect,
                   int failAnswered, int failCorrect, Double discrimination, List<String> flags) {

        /** Share right at the first try, 0..1, or null without first tries. */
        public Double firstCorrectShare() {
            return firstTries == 0 ? null : (double) firstCorrect / firstTries;
        }
    }

    record ChoiceCount(String id, String text, boolean correct, int count) {
    }

    /** A lesson: how many timed views and the median time on it. */
    record LessonRow(String id, String title, int views, Integer medianSeconds) {
    }

    /** The five objectives a role most often gets wrong at the first try. */
    record RoleMisses(String role, String roleTitle, List<ObjectiveMiss> objectives) {
    }

    record ObjectiveMiss(String moduleId, String moduleTitle, String objective, String text, String lessonTitle,
                         int firstTries, int firstMissed) {

        public double missedShare() {
            return firstTries == 0 ? 0 : (double) firstMissed / firstTries;
        }
    }
}
