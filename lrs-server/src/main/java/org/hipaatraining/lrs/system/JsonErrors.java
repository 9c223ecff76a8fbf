package org.hipaatraining.lrs.system;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What went wrong in a JSON body, said in the client's terms: the property path and the kind of value expected, never
 * Jackson's wording, which names Java classes ({@code `java.time.LocalDate`}, {@code PersonDetails}) and methods.
 */
public final class JsonErrors {

    /** A back-quoted Java name, or a bare fully qualified one, in a Jackson message. */
    private static final Pattern JAVA_NAME = Pattern.compile("`[^`]*`|\\b(?:java|javax|jakarta|tools\\.jackson|org|com)"
            + "(?:\\.[A-Za-z_$][\\w$]*)+");

    private JsonErrors() {
    }

    /** "field.path: what is wrong", or "what is wrong" when the problem is not in one property. */
    public static String describe(JacksonException e) {
        String path = path(e);
        String problem = problem(e);
        return path.isEmpty() ? problem : path + ": " + problem;
    }

    static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String problem(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "malformed JSON: nested too deeply, or a number or text too long";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "not a property this resource accepts";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + clip(String.valueOf(invalid.getValue())) + "' is not " + expected(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "malformed JSON: " + scrub(e.getOriginalMessage());
    }

    /** The kind of JSON value a Java type is read from. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-03-01, from " + CalendarDates.MIN + " to " + CalendarDates.MAX;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time such as 2026-03-01T09:30:00Z";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    /** A parser message (unexpected character, end of input) with any Java name taken out. */
    static String scrub(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = JAVA_NAME.matcher(message).replaceAll("").replaceAll("\\(\\s*\\)", "").replaceAll("\\s+", " ").trim();
        return clip(text);
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
