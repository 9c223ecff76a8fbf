package org.hipaatraining.lrs.staffimport;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a file writes the day and month in dates such as {@code 03/04/2026}: month first (US) or day first (most of the
 * world). Dates that say it themselves are read either way: 2026-03-04, 15.03.2026 (dots are always day first),
 * 15/03/2026 (no 15th month), 4-Mar-2026, March 4, 2026, and dates in Excel cells.
 */
public enum DateOrder {
    MONTH_FIRST, DAY_FIRST;

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,4})[/.\\-](\\d{1,2})[/.\\-](\\d{2,4})");
    private static final List<DateTimeFormatter> NAMED = List.of(pattern("d-MMM-uuuu"), pattern("d-MMM-uu"),
            pattern("d MMM uuuu"), pattern("MMM d, uuuu"), pattern("MMMM d, uuuu"), pattern("d MMMM uuuu"),
            pattern("MMM d uuuu"));

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** What the dates of a file tell about their order: one of the orders, or null when none of them decides. */
    public static DateOrder evidence(Collection<String> values) {
        boolean dayFirst = false;
        boolean monthFirst = false;
        for (String value : values) {
            Matcher m = slashed(value);
            if (m == null) {
                continue;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            dayFirst |= a > 12 && b <= 12;
            monthFirst |= b > 12 && a <= 12;
        }
        return dayFirst == monthFirst ? null : dayFirst ? DAY_FIRST : MONTH_FIRST;
    }

    /** Whether any of these values is a date whose order is unclear (03/04/2026; not 03/04/2026 with 15/04/2026 beside it). */
    public static boolean anyAmbiguous(Collection<String> values) {
        return values.stream().map(DateOrder::slashed).anyMatch(m -> m != null
                && Integer.parseInt(m.group(1)) <= 12 && Integer.parseInt(m.group(2)) <= 12
                && !m.group(1).equals(m.group(2)));
    }

    /** A d/m/y or m/d/y date with slashes or dashes (not dots, not year first), else null. */
    private static Matcher slashed(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = NUMERIC.matcher(value.trim());
        if (!m.matches() || m.group(1).length() > 2 || value.contains(".")) {
            return null;
        }
        return m;
    }

    /**
     * Reads a date in any of the forms above.
     *
     * @param order for d/m/y or m/d/y dates; null reads only dates that do not need it
     * @throws DateTimeException naming the value, when it is not a date or needs an order not given
     */
    public static LocalDate parse(String value, DateOrder order) {
        String v = value.trim();
        Matcher m = NUMERIC.matcher(v);
        if (m.matches()) {
            String first = m.group(1);
            int a = Integer.parseInt(first);
            int b = Integer.parseInt(m.group(2));
            int c = Integer.parseInt(m.group(3));
            if (first.length() == 4) {
                return date(v, a, b, c); // 2026-03-15, 2026/03/15
            }
            if (m.group(1).length() > 2) {
                throw new DateTimeException("'" + v + "' is not a date");
            }
            int year = m.group(3).length() == 2 ? 2000 + c : c;
            if (m.group(3).length() == 3) {
                throw new DateTimeException("'" + v + "' is not a date");
            }
            if (v.contains(".") || a > 12) {
                return date(v, year, b, a); // 15.03.2026, 15/03/2026
            }
            if (b > 12 || a == b) {
                return date(v, year, a, b); // 03/15/2026, 03/03/2026
            }
            if (order == null) {
                throw new DateTimeException("'" + v + "' could be " + describe(year, a, b) + " or " + describe(year, b, a)
                        + ": say which the file means");
            }
            return order == MONTH_FIRST ? date(v, year, a, b) : date(v, year, b, a);
        }
        for (DateTimeFormatter format : NAMED) {
            try {
                return LocalDate.parse(v, format);
            } catch (DateTimeParseException ignored) {
                // the next form
            }
        }
        throw new DateTimeException("'" + v + "' is not a date (write 2026-03-15, 03/15/2026, 15.03.2026 or 15-Mar-2026)");
    }

    private static LocalDate date(String value, int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + value + "' is not a date");
        }
    }

    private static String describe(int year, int month, int day) {
        if (month < 1 || month > 12) {
            return "?";
        }
        return java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + day + ", " + year;
    }
}
