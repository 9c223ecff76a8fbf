package org.hipaatraining.lrs.store.sqlite;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.PackageBridge;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Chooses how a query reads a collection: a range scan of the index whose leading fields the filter fixes (by
 * equality, {@code $in}, a range, a prefix regex, or an {@code $or} of those), in the order the sort asks for when the
 * index provides it, or a scan of the whole table. The filter is always applied again to every document read, so
 * a plan only has to cover every match (a superset is fine); that keeps the planner small.
 */
final class QueryPlanner {

    /** Index ranges beyond this many (a large {@code $in} crossed with another) are not worth planning. */
    private static final int MAX_RANGES = 4096;

    private QueryPlanner() {
    }

    /** Keys {@code from <= key < to}; a null end is open. */
    record KeyRange(byte[] from, byte[] to) {
    }

    /**
     * How to read: {@code index} null means the whole table in insertion order ({@code reverse}: newest first).
     *
     * @param sortProvided whether documents come out in the query's sort order, so no sort is needed
     */
    record Plan(ScannableIndex index, List<KeyRange> ranges, boolean reverse, boolean sortProvided) {

        static Plan tableScan(boolean reverse, boolean sortProvided) {
            return new Plan(null, List.of(new KeyRange(null, null)), reverse, sortProvided);
        }

        String describe() {
            return index == null ? "table scan" : "index " + index.getName() + " (" + ranges.size() + " range"
                    + (ranges.size() == 1 ? "" : "s") + (reverse ? ", reverse" : "") + (sortProvided ? ", sorted" : "") + ")";
        }
    }

    // ---- constraints a filter puts on single fields (in ascending value order)

    private sealed interface Constraint permits Points, Range, Prefix {
    }

    /** The field equals one of these values. */
    private record Points(List<Object> values) implements Constraint {
    }

    /** The field lies between two values of one type bracket; a null end is open (to the bracket's end). */
    private record Range(Object low, Object high, byte bracket) implements Constraint {
    }

    /** The field is a string starting with this prefix. */
    private record Prefix(String prefix) implements Constraint {
    }

    static Plan plan(Document query, Document orderBy, List<? extends ScannableIndex> indexes) {
        Map<String, Constraint> constraints = constraints(query == null ? new Document() : query);
        LinkedHashMap<String, Boolean> sort = sortFields(orderBy);
        if (sort == null) {
            // $natural order, or none
            boolean reverse = orderBy != null && naturalDescending(orderBy);
            sort = new LinkedHashMap<>();
            Plan best = bestIndexPlan(constraints, sort, indexes);
            return best != null ? best : Plan.tableScan(reverse, true);
        }
        // a sort field fixed to one value by the filter does not change the order
        sort.keySet().removeIf(field -> constraints.get(field) instanceof Points p && p.values().size() == 1);
        Plan best = bestIndexPlan(constraints, sort, indexes);
        return best != null ? best : Plan.tableScan(false, sort.isEmpty());
    }

    private static boolean naturalDescending(Document orderBy) {
        Object natural = orderBy.get("$natural");
        return natural instanceof Number n && n.intValue() < 0;
    }

    /** The sort's fields in order with their direction (true: ascending); null for none or {@code $natural}. */
    private static LinkedHashMap<String, Boolean> sortFields(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")) {
            return null;
        }
        LinkedHashMap<String, Boolean> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
            if (!(entry.getValue() instanceof Number n)) {
                return new LinkedHashMap<>(Map.of("$unsupported", true)); // {$meta: ...}: no index gives it
            }
            fields.put(entry.getKey(), n.doubleValue() >= 0);
        }
        return fields;
    }

    private static Plan bestIndexPlan(Map<String, Constraint> constraints, LinkedHashMap<String, Boolean> sort,
                                      List<? extends ScannableIndex> indexes) {
        Plan best = null;
        int bestScore = 0;
        for (ScannableIndex index : indexes) {
            Candidate candidate = candidate(index, constraints, sort);
            if (candidate != null && candidate.score > bestScore) {
                best = candidate.plan;
                bestScore = candidate.score;
            }
        }
        return best;
    }

    private record Candidate(Plan plan, int score) {
    }

    private static Candidate candidate(ScannableIndex index, Map<String, Constraint> constraints,
                                       LinkedHashMap<String, Boolean> sort) {
        IndexTable table = index.table();
        List<String> fields = table.fields();
        List<Boolean> ascending = table.ascending();
        List<byte[]> prefixes = List.of(new byte[0]);
        int fixed = 0; // leading fields fixed to points
        int flags = 0; // of them, fixed to true or false: two values split a collection in two, they hardly narrow it
        int singlePoints = 0; // leading fields fixed to exactly one value
        boolean ranged = false;
        List<KeyRange> ranges = null;
        for (int i = 0; i < fields.size(); i++) {
            Constraint constraint = constraints.get(fields.get(i));
            if (constraint instanceof Points points) {
                List<byte[]> next = new ArrayList<>();
                for (byte[] prefix : prefixes) {
                    for (Object value : points.values()) {
                        next.add(concat(prefix, component(value, ascending.get(i))));
                    }
                }
                if (next.size() > MAX_RANGES) {
                    break;
                }
                prefixes = next;
                fixed++;
                if (points.values().stream().allMatch(v -> v instanceof Boolean)) {
                    flags++;
                }
                if (points.values().size() == 1 && singlePoints == i) {
                    singlePoints++;
                }
                continue;
            }
            if (constraint instanceof Range || constraint instanceof Prefix) {
                ranges = new ArrayList<>();
                for (byte[] prefix : prefixes) {
                    ranges.add(range(prefix, constraint, ascending.get(i)));
                }
                ranged = true;
            }
            break;
        }
        if (ranges == null) {
            ranges = new ArrayList<>();
            for (byte[] prefix : prefixes) {
                ranges.add(prefix.length == 0 ? new KeyRange(null, null) : new KeyRange(prefix, KeyEncoder.afterPrefix(prefix)));
            }
        }
        ranges.sort((a, b) -> a.from() == null ? (b.from() == null ? 0 : -1) : b.from() == null ? 1
                : Arrays.compareUnsigned(a.from(), b.from()));
        // equal values in an $in (0 and 0.0, or a repeat) give equal ranges: read each once
        for (int i = ranges.size() - 1; i > 0; i--) {
            if (Arrays.equals(ranges.get(i).from(), ranges.get(i - 1).from()) && Arrays.equals(ranges.get(i).to(), ranges.get(i - 1).to())) {
                ranges.remove(i);
            }
        }

        Boolean direction = sortDirection(fields, ascending, singlePoints, sort);
        boolean sortProvided = direction != null;
        boolean reverse = direction != null && !direction;
        int score = fixed * 4 - flags * 2 + (ranged ? 2 : 0) + (sortProvided && !sort.isEmpty() ? 1 : 0);
        if (table.unique() && fixed == fields.size()) {
            score += 100;
        }
        if (score == 0) {
            return null;
        }
        return new Candidate(new Plan(index, ranges, reverse, sortProvided), score);
    }

    /**
     * Whether scanning the index after its single-value prefix yields the sort: forward (true), backward (false), or
     * not at all (null). An empty sort is always provided.
     */
    private static Boolean sortDirection(List<String> fields, List<Boolean> ascending, int start,
                                         LinkedHashMap<String, Boolean> sort) {
        if (sort.isEmpty()) {
            return Boolean.TRUE;
        }
        if (sort.size() > fields.size() - start) {
            return null;
        }
        Boolean forward = null;
        int i = start;
        for (Map.Entry<String, Boolean> entry : sort.entrySet()) {
            if (!fields.get(i).equals(entry.getKey())) {
                return null;
            }
            boolean same = ascending.get(i).equals(entry.getValue());
            if (forward == null) {
                forward = same;
            } else if (forward != same) {
                return null;
            }
            i++;
        }
        return forward;
    }

    private static byte[] component(Object value, boolean ascending) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        KeyEncoder.append(out, PackageBridge.normalize(value), ascending);
        return out.toByteArray();
    }

    /** The keys after {@code prefix} whose next component satisfies a range or prefix constraint. */
    private static KeyRange range(byte[] prefix, Constraint constraint, boolean ascending) {
        byte[] low;
        byte[] high; // the largest component, as a prefix: everything starting with it is inside
        if (constraint instanceof Prefix p) {
            low = KeyEncoder.stringPrefix(p.prefix());
            high = low;
        } else {
            Range r = (Range) constraint;
            low = r.low() == null ? new byte[]{r.bracket()} : component(r.low(), true);
            high = r.high() == null ? new byte[]{r.bracket()} : component(r.high(), true);
        }
        if (!ascending) {
            byte[] invertedLow = invert(high);
            high = invert(low);
            low = invertedLow;
        }
        return new KeyRange(concat(prefix, low), KeyEncoder.afterPrefix(concat(prefix, high)));
    }

    private static byte[] invert(byte[] bytes) {
        byte[] inverted = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            inverted[i] = (byte) ~bytes[i];
        }
        return inverted;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // ---- reading constraints from a filter

    static Map<String, Constraint> constraints(Document query) {
        Map<String, Constraint> found = new HashMap<>();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document d) {
                        constraints(d).forEach((field, c) -> merge(found, field, c));
                    }
                }
            } else if (key.equals("$or") && value instanceof Collection<?> branches) {
                unionOfBranches(branches).forEach((field, c) -> merge(found, field, c));
            } else if (!key.startsWith("$") && value instanceof Document operators && operators.size() == 1
                    && operators.get("$elemMatch") instanceof Document element) {
                // {array: {$elemMatch: {f: v}}}: some element has f = v, so the multikey index on array.f holds v
                constraints(element).forEach((field, c) -> merge(found, key + "." + field, c));
            } else if (!key.startsWith("$")) {
                Constraint constraint = fieldConstraint(value);
                if (constraint != null) {
                    merge(found, key, constraint);
                }
            }
        }
        return found;
    }

    /** For each field every branch constrains, a constraint covering all branches. */
    private static Map<String, Constraint> unionOfBranches(Collection<?> branches) {
        List<Map<String, Constraint>> each = new ArrayList<>();
        for (Object branch : branches) {
            if (!(branch instanceof Document d)) {
                return Map.of();
            }
            each.add(constraints(d));
        }
        Map<String, Constraint> union = new HashMap<>();
        if (each.isEmpty()) {
            return union;
        }
        for (String field : each.get(0).keySet()) {
            List<Constraint> all = each.stream().map(m -> m.get(field)).toList();
            if (all.stream().allMatch(c -> c != null)) {
                Constraint covering = covering(all);
                if (covering != null) {
                    union.put(field, covering);
                }
            }
        }
        return union;
    }

    private static Constraint covering(List<Constraint> all) {
        if (all.stream().allMatch(c -> c instanceof Points)) {
            List<Object> values = new ArrayList<>();
            all.forEach(c -> values.addAll(((Points) c).values()));
            return new Points(values);
        }
        // the hull of points and ranges of one type bracket
        Byte bracket = null;
        byte[] low = null;
        Object lowValue = null;
        boolean lowOpen = false;
        byte[] high = null;
        Object highValue = null;
        boolean highOpen = false;
        for (Constraint c : all) {
            List<Object[]> bounds = new ArrayList<>(); // {low, high}, null meaning open
            if (c instanceof Points p) {
                p.values().forEach(v -> bounds.add(new Object[]{v, v}));
            } else if (c instanceof Range r) {
                bounds.add(new Object[]{r.low(), r.high()});
                if (bracket != null && bracket != r.bracket()) {
                    return null;
                }
                bracket = r.bracket();
            } else {
                return null;
            }
            for (Object[] b : bounds) {
                for (int side = 0; side < 2; side++) {
                    Object v = b[side];
                    if (v != null) {
                        byte vb = KeyEncoder.bracket(v);
                        if (bracket != null && bracket != vb) {
                            return null;
                        }
                        bracket = vb;
                    }
                }
                if (b[0] == null) {
                    lowOpen = true;
                } else {
                    byte[] enc = component(b[0], true);
                    if (low == null || Arrays.compareUnsigned(enc, low) < 0) {
                        low = enc;
                        lowValue = b[0];
                    }
                }
                if (b[1] == null) {
                    highOpen = true;
                } else {
                    byte[] enc = component(b[1], true);
                    if (high == null || Arrays.compareUnsigned(enc, high) > 0) {
                        high = enc;
                        highValue = b[1];
                    }
                }
            }
        }
        if (bracket == null || !isOrdered(bracket)) {
            return null;
        }
        return new Range(lowOpen ? null : lowValue, highOpen ? null : highValue, bracket);
    }

    private static void merge(Map<String, Constraint> found, String field, Constraint constraint) {
        Constraint existing = found.get(field);
        if (existing == null) {
            found.put(field, constraint);
        } else if (constraint instanceof Points && !(existing instanceof Points)) {
            found.put(field, constraint); // equality narrows more than a range
        } else if (existing instanceof Range a && constraint instanceof Range b && a.bracket() == b.bracket()) {
            Object low = a.low() == null ? b.low() : b.low() == null ? a.low()
                    : Arrays.compareUnsigned(component(a.low(), true), component(b.low(), true)) >= 0 ? a.low() : b.low();
            Object high = a.high() == null ? b.high() : b.high() == null ? a.high()
                    : Arrays.compareUnsigned(component(a.high(), true), component(b.high(), true)) <= 0 ? a.high() : b.high();
            found.put(field, new Range(low, high, a.bracket()));
        }
    }

    private static Constraint fieldConstraint(Object value) {
        if (value instanceof Document operators && !operators.isEmpty()
                && operators.keySet().iterator().next().startsWith("$")) {
            return operatorConstraint(operators);
        }
        if (value instanceof BsonRegularExpression || value instanceof Pattern) {
            return regexPrefix(value);
        }
        if (value instanceof Collection) {
            return null; // equality with an array also matches documents whose array contains it
        }
        return new Points(java.util.Collections.singletonList(value));
    }

    private static Constraint operatorConstraint(Document operators) {
        Object low = null;
        Object high = null;
        Byte bracket = null;
        Constraint regex = null;
        for (Map.Entry<String, Object> op : operators.entrySet()) {
            Object v = op.getValue();
            switch (op.getKey()) {
                case "$eq" -> {
                    return pointable(v) ? new Points(java.util.Collections.singletonList(v)) : null;
                }
                case "$in" -> {
                    if (v instanceof Collection<?> values && values.stream().allMatch(QueryPlanner::pointable)) {
                        return new Points(new ArrayList<>(values));
                    }
                    return null;
                }
                case "$gt", "$gte" -> {
                    if (!isOrdered(KeyEncoder.bracket(v)) || (bracket != null && bracket != KeyEncoder.bracket(v))) {
                        return null;
                    }
                    bracket = KeyEncoder.bracket(v);
                    low = v;
                }
                case "$lt", "$lte" -> {
                    if (!isOrdered(KeyEncoder.bracket(v)) || (bracket != null && bracket != KeyEncoder.bracket(v))) {
                        return null;
                    }
                    bracket = KeyEncoder.bracket(v);
                    high = v;
                }
                case "$regex" -> {
                    Object options = operators.get("$options");
                    regex = regexPrefix(v instanceof String s ? new BsonRegularExpression(s,
                            options == null ? "" : options.toString()) : v);
                }
                default -> {
                    // $ne, $nin, $exists, $elemMatch, ...: no bound on the index
                }
            }
        }
        if (bracket != null) {
            return new Range(low, high, bracket);
        }
        return regex;
    }

    /** Types whose index order is MongoDB's order, so a range over them is a range of keys. */
    private static boolean isOrdered(byte bracket) {
        return bracket == KeyEncoder.NUMBER || bracket == KeyEncoder.STRING || bracket == KeyEncoder.DATE
                || bracket == KeyEncoder.OBJECT_ID || bracket == KeyEncoder.BOOLEAN || bracket == KeyEncoder.TIMESTAMP;
    }

    private static boolean pointable(Object v) {
        return !(v instanceof Collection) && !(v instanceof BsonRegularExpression) && !(v instanceof Pattern)
                && !(v instanceof Document d && !d.isEmpty() && d.keySet().iterator().next().startsWith("$"));
    }

    /** {@code ^literal...} without flags that change what {@code ^} or letters match: a string prefix. */
    private static Constraint regexPrefix(Object value) {
        String pattern;
        String options;
        if (value instanceof BsonRegularExpression r) {
            pattern = r.getPattern();
            options = r.getOptions() == null ? "" : r.getOptions();
        } else if (value instanceof Pattern p) {
            pattern = p.pattern();
            options = p.flags() == 0 ? "" : "?";
        } else {
            return null;
        }
        if (!pattern.startsWith("^") || options.contains("i") || options.contains("m") || options.contains("x")
                || options.contains("?")) {
            return null;
        }
        StringBuilder literal = new StringBuilder();
        for (int i = 1; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && !Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                literal.append(pattern.charAt(++i));
            } else if (".*+?()[]{}|^$\\".indexOf(c) >= 0) {
                if ((c == '?' || c == '*' || c == '{') && literal.length() > 0) {
                    literal.setLength(literal.length() - 1); // the last literal was optional
                }
                break;
            } else {
                literal.append(c);
            }
        }
        return literal.isEmpty() ? null : new Prefix(literal.toString());
    }
}
