package org.hipaatraining.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * A short lesson a practice writes itself (after a privacy incident, a new system, an audit finding): a title, a few
 * plain paragraphs and one to three single-choice questions, each with an explanation. {@link #module} turns it into a
 * {@link Module} shaped like a reminder module (one lesson, a knowledge check), so the packager builds it into every
 * format and the player plays it like any other.
 *
 * <p>The text is the practice's own words shown to learners: it is plain text, never HTML. Blank lines separate
 * paragraphs, and every character is escaped (jsoup), so markup typed into it shows as typed.
 *
 * @param text      plain paragraphs separated by blank lines
 * @param questions one to three
 */
public record MicroLesson(String title, String text, List<MicroQuestion> questions) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_TEXT = 5000;
    public static final int MAX_QUESTIONS = 3;
    public static final int MAX_PROMPT = 400;
    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 5;
    public static final int MAX_CHOICE = 200;
    public static final int MAX_EXPLANATION = 1000;
    /** Two of three right, or every answer with one or two questions. */
    public static final double MASTERY_SCORE = 0.66;
    /** The lesson's id, and the objective's: the one thing the check asks about. */
    static final String LESSON_ID = "lesson";
    static final String SECTION_ID = "what-to-know";
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");
    private static final String CHOICE_IDS = "abcde";

    /**
     * One question: its choices (the player shuffles them, as it does the content's, so write each to stand alone, not
     * "both of the above"), exactly one of them right ({@code correct} is its position as written, from 0), and why.
     */
    public record MicroQuestion(String prompt, List<String> choices, Integer correct, String explanation) {

        public MicroQuestion {
            choices = choices == null ? List.of() : choices.stream().map(c -> c == null ? "" : c).toList();
        }
    }

    public MicroLesson {
        questions = questions == null ? List.of() : questions.stream().toList();
    }

    /**
     * What is wrong with it, each problem naming its field under {@code prefix} (e.g.
     * {@code microLesson.questions[1].correct: ...}); empty when it can be built.
     */
    public List<String> problems(String prefix) {
        List<String> problems = new ArrayList<>();
        text(problems, prefix + "title", title, MAX_TITLE, "the lesson's title");
        text(problems, prefix + "text", text, MAX_TEXT, "the lesson's text, plain paragraphs separated by blank lines");
        if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            problems.add(prefix + "questions: one to " + MAX_QUESTIONS + " questions (" + questions.size() + " given)");
        }
        for (int i = 0; i < questions.size(); i++) {
            String at = prefix + "questions[" + i + "].";
            MicroQuestion q = questions.get(i);
            if (q == null) {
                problems.add(at.substring(0, at.length() - 1) + ": a question");
                continue;
            }
            text(problems, at + "prompt", q.prompt(), MAX_PROMPT, "the question");
            if (q.choices().size() < MIN_CHOICES || q.choices().size() > MAX_CHOICES) {
                problems.add(at + "choices: " + MIN_CHOICES + " to " + MAX_CHOICES + " answers to choose from ("
                        + q.choices().size() + " given)");
            }
            for (int c = 0; c < q.choices().size(); c++) {
                text(problems, at + "choices[" + c + "]", q.choices().get(c), MAX_CHOICE, "an answer");
            }
            if (q.choices().stream().map(String::strip).distinct().count() < q.choices().size()) {
                problems.add(at + "choices: each answer only once");
            }
            if (q.correct() == null || q.correct() < 0 || q.correct() >= q.choices().size()) {
                problems.add(at + "correct: the position (from 0) of the one right answer among the choices");
            }
            text(problems, at + "explanation", q.explanation(), MAX_EXPLANATION,
                    "why the right answer is right, shown to the learner");
        }
        return problems;
    }

    private static void text(List<String> problems, String field, String value, int max, String what) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": required: " + what);
        } else if (value.strip().length() > max) {
            problems.add(field + ": at most " + max + " characters (" + value.strip().length() + " given)");
        }
    }

    /** The paragraphs of the text, each trimmed, lines inside a paragraph joined by a space. */
    public List<String> paragraphs() {
        List<String> paragraphs = new ArrayList<>();
        for (String p : BLANK_LINES.split(text.strip())) {
            String joined = p.strip().replaceAll("\\s*\\R\\s*", " ");
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return paragraphs;
    }

    /** The lesson's HTML: one scenario section of escaped paragraphs, within the lesson allow-list. */
    public String html() {
        // a scenario, as every lesson has: the practice's own situation and what it asks of staff
        Element section = new Element("section").addClass("scenario").attr("id", SECTION_ID);
        section.appendElement("h2").attr("id", SECTION_ID + "-title").text("What happened and what to do");
        paragraphs().forEach(p -> section.appendElement("p").text(p));
        section.appendElement("p").addClass("takeaway").text("Answer the questions that follow to finish.");
        return section.outerHtml();
    }

    /**
     * The module: a reminder-shaped module with this lesson and a check asking every question (order and choices
     * shuffled by the draw), {@link #MASTERY_SCORE} to pass, version 1.0.0 released on {@code releasedOn}.
     * The same lesson, id and day always give the same module, so any server builds the same packages.
     *
     * @param description what the learner reads on the start screen, e.g. the event the lesson follows
     */
    public Module module(String iriBase, String moduleId, String description, LocalDate releasedOn) {
        List<String> problems = problems("");
        if (!problems.isEmpty()) {
            throw new ContentException("micro-lesson " + moduleId + ": " + String.join("; ", problems));
        }
        String iri = iriBase + "/activities/module/" + moduleId;
        String html = html();
        List<String> htmlProblems = LessonHtmlPolicy.problems(html);
        if (!htmlProblems.isEmpty()) {
            throw new ContentException("micro-lesson " + moduleId + ": " + String.join("; ", htmlProblems));
        }
        int words = text.strip().split("\\s+").length;
        int readingMinutes = Math.max(1, (words + 199) / 200);
        Lesson lesson = new Lesson(LESSON_ID, iri + "/lesson/" + LESSON_ID, title.strip(), readingMinutes, List.of(),
                List.of(), List.of(), "lessons/" + LESSON_ID + ".html", html);
        Objective objective = new Objective(LESSON_ID, "Know what to do after: " + title.strip(), LESSON_ID, SECTION_ID);
        List<Question> items = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            MicroQuestion q = questions.get(i);
            String id = "q" + (i + 1);
            List<Choice> choices = new ArrayList<>();
            for (int c = 0; c < q.choices().size(); c++) {
                choices.add(new Choice(String.valueOf(CHOICE_IDS.charAt(c)), q.choices().get(c).strip()));
            }
            items.add(new Question(id, iri + "/question/" + id, QuestionType.SINGLE, null, q.prompt().strip(), choices,
                    List.of(choices.get(q.correct()).id()), q.explanation().strip(), null, List.of(), LESSON_ID, false));
        }
        return new Module(moduleId, iri, ModuleKind.REMINDER, title.strip(), description, "1.0.0", releasedOn,
                readingMinutes + questions.size(), MASTERY_SCORE, List.of(objective), List.of(), List.of(lesson),
                new KnowledgeCheck(items.size(), items), null, null,
                List.of(new ChangeLogEntry("1.0.0", releasedOn, true, "Written by the practice.")), List.of());
    }
}
