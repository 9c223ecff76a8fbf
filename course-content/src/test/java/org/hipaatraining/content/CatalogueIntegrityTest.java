package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Ids, roles, topics, versions and activity IRIs hold together across the whole catalogue. */
class CatalogueIntegrityTest {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Path ACTIVITY_IDS = Content.FOLDER.resolve("activity-ids.txt");

    @Test
    void idsAreKebabCaseAndUniqueWhereTheyMustBe() {
        List<String> problems = new ArrayList<>();
        Set<String> modules = new HashSet<>();
        for (Module module : Content.catalogue().modules()) {
            check(module.id(), "module", problems);
            if (!modules.add(module.id())) {
                problems.add("module " + module.id() + " listed twice");
            }
            Set<String> lessons = new HashSet<>();
            for (Lesson lesson : module.lessons()) {
                check(lesson.id(), module.id() + " lesson", problems);
                if (!lessons.add(lesson.id())) {
                    problems.add(module.id() + ": lesson id " + lesson.id() + " twice");
                }
            }
            Set<String> questions = new HashSet<>();
            for (Question q : module.questions()) {
                check(q.id(), module.id() + " question", problems);
                if (!questions.add(q.id())) {
                    problems.add(module.id() + ": question id " + q.id() + " twice");
                }
            }
        }
        Content.catalogue().roles().forEach(r -> check(r.id(), "role", problems));
        assertThat(problems).isEmpty();
        assertThat(Content.catalogue().activityIris()).doesNotHaveDuplicates();
    }

    private static void check(String id, String what, List<String> problems) {
        if (!KEBAB.matcher(id).matches()) {
            problems.add(what + " id '" + id + "' is not lower-case kebab case");
        }
    }

    @Test
    void everyRoleTakesModulesAndLessonsThatExist() {
        Catalogue catalogue = Content.catalogue();
        List<String> problems = new ArrayList<>();
        for (Role role : catalogue.roles()) {
            for (RoleModule taken : role.modules()) {
                var module = catalogue.module(taken.moduleId());
                if (module.isEmpty()) {
                    problems.add(role.id() + ": module " + taken.moduleId() + " is not in the catalogue");
                    continue;
                }
                taken.lessonIds().stream().filter(l -> module.get().lesson(l).isEmpty())
                        .forEach(l -> problems.add(role.id() + ": " + taken.moduleId() + " has no lesson " + l));
            }
            for (String reminder : role.reminders()) {
                if (catalogue.module(reminder).map(m -> m.kind() != ModuleKind.REMINDER).orElse(true)) {
                    problems.add(role.id() + ": reminder " + reminder + " is not a reminder module in the catalogue");
                }
            }
            if (!role.reminders().isEmpty() && role.reminderIntervalMonths() <= 0) {
                problems.add(role.id() + ": reminders need reminderIntervalMonths");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void lessonVariantsNameRealRoles() {
        Set<String> roles = new HashSet<>();
        Content.catalogue().roles().forEach(r -> roles.add(r.id()));
        for (Module module : Content.catalogue().modules()) {
            for (Lesson lesson : module.lessons()) {
                assertThat(roles).as(module.id() + "/" + lesson.id() + " roles").containsAll(lesson.roles());
            }
        }
    }

    @Test
    void everyRequiredTopicIsTaughtAndLessonsTagOnlyKnownTopics() {
        Set<String> known = new TreeSet<>();
        Content.catalogue().topics().forEach(t -> known.add(t.id()));
        Set<String> taught = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (Module module : Content.catalogue().modules()) {
            for (Lesson lesson : module.lessons()) {
                for (String topic : lesson.topics()) {
                    taught.add(topic);
                    if (!known.contains(topic)) {
                        unknown.add(module.id() + "/" + lesson.id() + ": " + topic);
                    }
                }
            }
        }
        Set<String> untaught = new TreeSet<>(known);
        untaught.removeAll(taught);

        assertThat(unknown).as("topics not in topics.yaml").isEmpty();
        assertThat(untaught).as("topics no lesson teaches").isEmpty();
    }

    @Test
    void everyModuleVersionHasItsChangelogEntryNewestFirst() {
        List<String> problems = new ArrayList<>();
        for (Module module : Content.catalogue().modules()) {
            List<ChangeLogEntry> log = module.changelog();
            if (log.isEmpty() || !log.get(0).version().equals(module.version())) {
                problems.add(module.id() + ": the first changelog entry must be the current version " + module.version());
            }
            for (int i = 0; i < log.size(); i++) {
                if (!SEMVER.matcher(log.get(i).version()).matches()) {
                    problems.add(module.id() + ": changelog version " + log.get(i).version() + " is not semantic");
                }
                if (i > 0 && compare(log.get(i - 1).version(), log.get(i).version()) <= 0) {
                    problems.add(module.id() + ": changelog is not newest first at " + log.get(i).version());
                }
                if (i > 0 && log.get(i - 1).date().isBefore(log.get(i).date())) {
                    problems.add(module.id() + ": changelog dates go backwards at " + log.get(i - 1).version());
                }
            }
            if (log.size() == 1 && !log.get(0).material()) {
                problems.add(module.id() + ": a first release is material (everyone must take it)");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * activity-ids.txt lists every activity IRI ever published. New IRIs must be added to it (run with
     * -Dcontent.updateActivityIds=true), and none may disappear: records in LRSs are keyed by them.
     */
    @Test
    void noPublishedActivityIriDisappearsAndNewOnesAreListed() throws IOException {
        List<String> current = Content.catalogue().activityIris();
        Set<String> published = Files.exists(ACTIVITY_IDS) ? new TreeSet<>(Files.readAllLines(ACTIVITY_IDS).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) : new TreeSet<>();
        if (Boolean.getBoolean("content.updateActivityIds")) {
            published.addAll(current);
            Files.writeString(ACTIVITY_IDS, "# Every activity IRI ever published. Add, never remove: records are keyed by them.\n"
                    + String.join("\n", published) + "\n");
        }
        Set<String> missing = new TreeSet<>(published);
        current.forEach(missing::remove);
        Set<String> unlisted = new TreeSet<>(current);
        unlisted.removeAll(published);

        assertThat(missing).as("published IRIs that no longer exist (renamed or deleted ids)").isEmpty();
        assertThat(unlisted).as("new IRIs: run mvn -pl course-content test -Dcontent.updateActivityIds=true").isEmpty();
    }

    @Test
    void nothingIsLeftAsAPlaceholder() throws IOException {
        Pattern placeholder = Pattern.compile("(?i)lorem ipsum|\\bTODO\\b|\\bTBD\\b|\\bxxx\\b|\\bFIXME\\b|example\\.com");
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(Content.FOLDER)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(ya?ml|html)")).toList()) {
                if (placeholder.matcher(Files.readString(file)).find()) {
                    found.add(Content.FOLDER.relativize(file).toString());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
