package org.hipaatraining.lrs.reports.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.ChangeLogEntry;
import org.hipaatraining.content.Choice;
import org.hipaatraining.content.Lesson;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Objective;
import org.hipaatraining.content.Question;
import org.hipaatraining.content.Role;
import org.hipaatraining.lrs.reports.ReportRequestException;
import org.springframework.stereotype.Service;

/** Reads the insight counters for a module version, role and period, and names what the numbers mean. */
@Service
class InsightsService {

    /** Fewer first tries than this say nothing about an item's difficulty. */
    static final int MIN_TRIES = 10;
    /** Discrimination needs at least this many answers on each side (passed and failed attempts). */
    static final int MIN_SIDE = 3;
    static final double TOO_EASY = 0.95;
    static final double TOO_HARD = 0.40;

    private final InsightStore store;
    private final Catalogue catalogue;
    private final Clock clock;

    InsightsService(InsightStore store, Catalogue catalogue, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Modules with a knowledge check, the ones the page offers. */
    List<Module> modules() {
        return catalogue.modules().stream().filter(m -> !m.knowledgeCheck().isEmpty()).toList();
    }

    KnowledgeCheckInsights insights(String moduleId, String version, String role, String from, String to) {
        Module module = moduleId == null || moduleId.isBlank()
                ? catalogue.module("privacy").filter(m -> !m.knowledgeCheck().isEmpty()).orElse(modules().get(0))
                : catalogue.module(moduleId.trim()).orElseThrow(() ->
                        new ReportRequestException("module: no module has id '" + moduleId + "'"));
        if (module.knowledgeCheck().isEmpty()) {
            throw new ReportRequestException("module: " + module.id() + " has no knowledge check");
        }
        List<String> versions = module.changelog().stream().map(ChangeLogEntry::version).toList();
        String shownVersion = version == null || version.isBlank() ? module.version() : version.trim();
        if (!shownVersion.matches("[0-9A-Za-z.+-]{1,40}")) {
            throw new ReportRequestException("version: a module version such as " + module.version() + ", not '" + version + "'");
        }
        String shownRole = role == null || role.isBlank() ? KnowledgeCheckProjector.EVERYONE : role.trim();
        if (!shownRole.equals(KnowledgeCheckProjector.EVERYONE) && !shownRole.equals(KnowledgeCheckProjector.NO_ROLE)
                && catalogue.role(shownRole).isEmpty()) {
            throw new ReportRequestException("role: no role has id '" + role + "'");
        }
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        String toShown = to == null || to.isBlank() ? now.toString() : to.trim();
        LocalDate toDay = day("to", toShown, true);
        String fromShown = from == null || from.isBlank() ? YearMonth.from(toDay).minusMonths(11).toString() : from.trim();
        LocalDate fromDay = day("from", fromShown, false);
        if (toDay.isBefore(fromDay)) {
            throw new ReportRequestException("to: must be on or after from (" + fromShown + ")");
        }
        List<Range> ranges = ranges(fromDay, toDay);
        List<Document> itemCounters = new ArrayList<>();
        List<Document> lessonCounters = new ArrayList<>();
        List<Document> objectiveCounters = new ArrayList<>();
        for (Range r : ranges) {
            itemCounters.addAll(store.moduleCounters(InsightStore.ITEMS, module.id(), shownVersion, shownRole, r.period(),
                    r.from(), r.to()));
            lessonCounters.addAll(store.moduleCounters(InsightStore.LESSONS, module.id(), shownVersion, shownRole,
                    r.period(), r.from(), r.to()));
            objectiveCounters.addAll(store.objectiveCounters(r.period(), r.from(), r.to()));
        }
        return new KnowledgeCheckInsights(module.id(), module.title(), shownVersion, versions, shownRole, fromShown,
                toShown, items(module, itemCounters), lessons(module, lessonCounters), misunderstood(objectiveCounters));
    }

    /** A range of month counters ({@code month}) or day counters ({@code day}), both ends included. */
    record Range(String period, String from, String to) {
    }

    /**
     * The counters a period of days reads: its whole months from the month counters, the days of a month it covers in
     * part (at either end) from the day counters; at most three queries of at most 31 days' counters at the ends.
     */
    static List<Range> ranges(LocalDate from, LocalDate to) {
        List<Range> ranges = new ArrayList<>();
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        if (first.equals(last)) {
            if (from.getDayOfMonth() == 1 && to.equals(last.atEndOfMonth())) {
                ranges.add(new Range("month", first.toString(), first.toString()));
            } else {
                ranges.add(new Range("day", from.toString(), to.toString()));
            }
            return ranges;
        }
        YearMonth wholeFrom = first;
        YearMonth wholeTo = last;
        if (from.getDayOfMonth() != 1) {
            ranges.add(new Range("day", from.toString(), first.atEndOfMonth().toString()));
            wholeFrom = first.plusMonths(1);
        }
        if (!to.equals(last.atEndOfMonth())) {
            ranges.add(new Range("day", last.atDay(1).toString(), to.toString()));
            wholeTo = last.minusMonths(1);
        }
        if (!wholeTo.isBefore(wholeFrom)) {
            ranges.add(new Range("month", wholeFrom.toString(), wholeTo.toString()));
        }
        return ranges;
    }

    /** A day (YYYY-MM-DD), or a month (YYYY-MM): its first day for {@code from}, its last for {@code to}. */
    private static LocalDate day(String name, String value, boolean end) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            YearMonth month = YearMonth.parse(value);
            return end ? month.atEndOfMonth() : month.atDay(1);
        } catch (DateTimeParseException e) {
            throw new ReportRequestException(name + ": a month as YYYY-MM or a day as YYYY-MM-DD, not '" + value + "'");
        }
    }

    private List<KnowledgeCheckInsights.ItemRow> items(Module module, List<Document> counters) {
        Map<String, Map<String, Integer>> byItem = new HashMap<>();
        for (Document counter : counters) {
            Map<String, Integer> sums = byItem.computeIfAbsent(counter.getString("item"), k -> new HashMap<>());
            for (String field : List.of("answers", "firstTries", "firstCorrect", "passAnswered", "passCorrect",
                    "failAnswered", "failCorrect")) {
                sums.merge(field, number(counter.get(field)), Integer::sum);
            }
            Document choices = counter.get("choices", Document.class);
            if (choices != null) {
                choices.forEach((choice, n) -> sums.merge("choice:" + choice, number(n), Integer::sum));
            }
        }
        List<KnowledgeCheckInsights.ItemRow> rows = new ArrayList<>();
        for (Question q : module.questions()) {
            Map<String, Integer> sums = byItem.getOrDefault(q.id(), Map.of());
            List<KnowledgeCheckInsights.ChoiceCount> choices = new ArrayList<>();
            for (Choice c : q.choices()) {
                choices.add(new KnowledgeCheckInsights.ChoiceCount(c.id(), c.text().trim(), q.correct().contains(c.id()),
                        sums.getOrDefault("choice:" + c.id(), 0)));
            }
            int pass = sums.getOrDefault("passAnswered", 0);
            int passCorrect = sums.getOrDefault("passCorrect", 0);
            int fail = sums.getOrDefault("failAnswered", 0);
            int failCorrect = sums.getOrDefault("failCorrect", 0);
            Double discrimination = pass == 0 || fail == 0 ? null : (double) passCorrect / pass - (double) failCorrect / fail;
            int firstTries = sums.getOrDefault("firstTries", 0);
            int firstCorrect = sums.getOrDefault("firstCorrect", 0);
            List<String> flags = new ArrayList<>();
            if (firstTries >= MIN_TRIES && (double) firstCorrect / firstTries >= TOO_EASY) {
                flags.add("too easy");
            }
            if (firstTries >= MIN_TRIES && (double) firstCorrect / firstTries < TOO_HARD) {
                flags.add("too hard");
            }
            if (discrimination != null && pass >= MIN_SIDE && fail >= MIN_SIDE && discrimination < 0) {
                flags.add("strong learners miss it");
            }
            Objective objective = module.objective(q.objective()).orElse(null);
            rows.add(new KnowledgeCheckInsights.ItemRow(q.id(), q.prompt().trim(), q.objective(),
                    objective == null ? q.objective() : objective.text(), lessonTitle(module, objective),
                    sums.getOrDefault("answers", 0), firstTries, firstCorrect, choices, pass, passCorrect, fail, failCorrect,
                    discrimination, flags));
        }
        return rows;
    }

    private static List<KnowledgeCheckInsights.LessonRow> lessons(Module module, List<Document> counters) {
        Map<String, Integer> views = new HashMap<>();
        Map<String, TreeMap<Integer, Integer>> histograms = new HashMap<>();
        for (Document counter : counters) {
            String lesson = counter.getString("lesson");
            views.merge(lesson, number(counter.get("views")), Integer::sum);
            Document seconds = counter.get("seconds", Document.class);
            if (seconds != null) {
                TreeMap<Integer, Integer> histogram = histograms.computeIfAbsent(lesson, k -> new TreeMap<>());
                seconds.forEach((s, n) -> histogram.merge(Integer.parseInt(s), number(n), Integer::sum));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<KnowledgeCheckInsights.LessonRow> rows = new ArrayList<>();
        for (Lesson lesson : module.lessons()) {
            if (seen.add(lesson.id())) {
                rows.add(new KnowledgeCheckInsights.LessonRow(lesson.id(), lesson.title(), views.getOrDefault(lesson.id(), 0),
                        median(histograms.get(lesson.id()))));
            }
        }
        return rows;
    }

    /** The lower median of a histogram of whole seconds. */
    static Integer median(TreeMap<Integer, Integer> histogram) {
        if (histogram == null || histogram.isEmpty()) {
            return null;
        }
        int total = histogram.values().stream().mapToInt(Integer::intValue).sum();
        int rank = (total + 1) / 2;
        int seen = 0;
        for (Map.Entry<Integer, Integer> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return bucket.getKey();
            }
        }
        return histogram.lastKey();
    }

    private List<KnowledgeCheckInsights.RoleMisses> misunderstood(List<Document> counters) {
        Map<String, Map<String, int[]>> byRole = new TreeMap<>();
        Map<String, Document> keysOf = new HashMap<>();
        for (Document counter : counters) {
            String role = counter.getString("role");
            if (KnowledgeCheckProjector.EVERYONE.equals(role)) {
                continue;
            }
            String key = counter.getString("module") + "|" + counter.getString("objective");
            keysOf.putIfAbsent(key, counter);
            int[] sums = byRole.computeIfAbsent(role, r -> new HashMap<>()).computeIfAbsent(key, k -> new int[2]);
            sums[0] += number(counter.get("firstTries"));
            sums[1] += number(counter.get("firstMissed"));
        }
        Map<String, String> roleTitles = new LinkedHashMap<>();
        catalogue.roles().forEach(r -> roleTitles.put(r.id(), r.title()));
        List<KnowledgeCheckInsights.RoleMisses> result = new ArrayList<>();
        for (Map.Entry<String, Map<String, int[]>> role : byRole.entrySet()) {
            List<KnowledgeCheckInsights.ObjectiveMiss> misses = new ArrayList<>();
            role.getValue().forEach((key, sums) -> {
                if (sums[1] == 0) {
                    return;
                }
                Document k = keysOf.get(key);
                Module module = catalogue.module(k.getString("module")).orElse(null);
                Objective objective = module == null ? null : module.objective(k.getString("objective")).orElse(null);
                misses.add(new KnowledgeCheckInsights.ObjectiveMiss(k.getString("module"),
                        module == null ? k.getString("module") : module.title(), k.getString("objective"),
                        objective == null ? k.getString("objective") : objective.text(),
                        module == null ? "" : lessonTitle(module, objective), sums[0], sums[1]));
            });
            misses.sort(Comparator.comparingDouble(KnowledgeCheckInsights.ObjectiveMiss::missedShare).reversed()
                    .thenComparing(Comparator.comparingInt(KnowledgeCheckInsights.ObjectiveMiss::firstMissed).reversed())
                    .thenComparing(KnowledgeCheckInsights.ObjectiveMiss::objective));
            if (!misses.isEmpty()) {
                String title = roleTitles.getOrDefault(role.getKey(),
                        KnowledgeCheckProjector.NO_ROLE.equals(role.getKey()) ? "No role on the roster" : role.getKey());
                result.add(new KnowledgeCheckInsights.RoleMisses(role.getKey(), title, misses.subList(0, Math.min(5, misses.size()))));
            }
        }
        return result;
    }

    private static String lessonTitle(Module module, Objective objective) {
        if (objective == null) {
            return "";
        }
        return module.lesson(objective.lessonId()).map(Lesson::title).orElse(objective.lessonId());
    }

    List<Role> roles() {
        return catalogue.roles();
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
