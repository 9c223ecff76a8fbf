package org.hipaatraining.lrs.xapi.statements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hipaatraining.lrs.xapimodel.Timestamps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether two statements with the same id are "the same statement" (xAPI Data, Statement Comparison
 * Requirements): properties the LRS sets, key order, the case of UUIDs, equivalent timestamps and default objectTypes
 * are ignored, and a single context activity equals a list of one.
 */
final class StatementComparison {

    private static final Set<String> LRS_SET = Set.of("id", "stored", "authority", "version");
    private static final Set<String> UUID_KEYS = Set.of("id", "registration");
    private static final Pattern SECONDS = Pattern.compile("(\\d+(?:[.,]\\d+)?)S$");

    private StatementComparison() {
    }

    /**
     * Whether a statement sent again is the stored one. A timestamp the LRS added (because the statement came without
     * one) is not part of the statement as sent, on either side.
     */
    static boolean same(JsonNode incoming, boolean incomingTimestampFromLrs, JsonNode stored) {
        ObjectNode sent = (ObjectNode) incoming.deepCopy();
        ObjectNode kept = (ObjectNode) stored.deepCopy();
        if (incomingTimestampFromLrs) {
            sent.remove("timestamp");
        }
        if (kept.path("timestamp").equals(kept.path("stored"))) {
            kept.remove("timestamp");
        }
        return digest(sent).equals(digest(kept));
    }

    static String digest(JsonNode statement) {
        StringBuilder out = new StringBuilder(512);
        TreeMap<String, JsonNode> top = new TreeMap<>();
        statement.properties().forEach(e -> {
            if (!LRS_SET.contains(e.getKey())) {
                top.put(e.getKey(), e.getValue());
            }
        });
        out.append('{');
        top.forEach((key, value) -> {
            out.append('"').append(key).append("\":");
            canonical(key, value, out);
            out.append(',');
        });
        out.append('}');
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(out.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(String key, JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            if (("actor".equals(key) || "object".equals(key)) && !sorted.containsKey("objectType")) {
                sorted.put("objectType", null);
            }
            out.append('{');
            sorted.forEach((k, v) -> {
                out.append('"').append(escape(k)).append("\":");
                if (v == null) {
                    out.append('"').append("actor".equals(key) ? "Agent" : "Activity").append('"');
                } else if ("contextActivities".equals(key) && !v.isArray()) {
                    // a single context activity means the same as a list of one (the LRS stores it as a list)
                    out.append('[');
                    canonical(k, v, out);
                    out.append(",]");
                } else {
                    canonical(k, v, out);
                }
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(item -> {
                canonical(key, item, out);
                out.append(',');
            });
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal n = node.decimalValue();
            out.append(n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString());
        } else if (node.isString()) {
            String s = node.stringValue();
            if (UUID_KEYS.contains(key)) {
                s = s.toLowerCase(Locale.ROOT);
            } else if ("timestamp".equals(key)) {
                s = normaliseTimestamp(s);
            } else if ("duration".equals(key)) {
                s = normaliseDuration(s);
            }
            out.append('"').append(escape(s)).append('"');
        } else {
            out.append(node.toString());
        }
    }

    private static String normaliseTimestamp(String timestamp) {
        try {
            return Timestamps.parse(timestamp).toString();
        } catch (RuntimeException e) {
            return timestamp;
        }
    }

    /** Durations compare to 0.01 s: digits of seconds past the hundredths are dropped (truncated, not rounded). */
    static String normaliseDuration(String duration) {
        Matcher seconds = SECONDS.matcher(duration);
        if (!seconds.find()) {
            return duration;
        }
        BigDecimal value = new BigDecimal(seconds.group(1).replace(',', '.')).setScale(2, RoundingMode.DOWN).stripTrailingZeros();
        return duration.substring(0, seconds.start(1)) + value.toPlainString() + "S";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
