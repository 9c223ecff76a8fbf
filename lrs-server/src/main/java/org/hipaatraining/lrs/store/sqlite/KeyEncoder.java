package org.hipaatraining.lrs.store.sqlite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Encodes index keys as byte strings whose unsigned byte order is MongoDB's order of values (type brackets first:
 * null, numbers, strings, objects, arrays, binary, ObjectId, booleans, dates, timestamps), so that SQLite compares
 * index keys with plain {@code memcmp} and a range of keys is a range of bytes.
 * <p>
 * Every component is prefix-free (fixed length, or escaped and terminated), so a compound key is the concatenation of
 * its components, and a descending component is its bytes inverted. Numbers of any kind compare by value (an int 1
 * equals a double 1.0, as in MongoDB); longs beyond a double's precision keep their exact value in a second part, so
 * equal keys are equal values and unique indexes stay exact. Documents and arrays as key values are encoded for
 * equality only (their order is not MongoDB's); the query planner never ranges over them.
 */
final class KeyEncoder {

    static final byte MIN_KEY = 0x10;
    static final byte NULL = 0x20;
    static final byte NUMBER = 0x30;
    static final byte STRING = 0x40;
    static final byte OBJECT = 0x50;
    static final byte ARRAY = 0x60;
    static final byte BINARY = 0x70;
    static final byte OBJECT_ID = (byte) 0x80;
    static final byte BOOLEAN = (byte) 0x90;
    static final byte DATE = (byte) 0xA0;
    static final byte TIMESTAMP = (byte) 0xB0;
    static final byte REGEX = (byte) 0xC0;
    static final byte MAX_KEY = (byte) 0xD0;

    private KeyEncoder() {
    }

    /** The type bracket a value sorts in. */
    static byte bracket(Object value) {
        if (value == null || value instanceof Missing) {
            return NULL;
        } else if (value instanceof Number) {
            return NUMBER;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof Map) {
            return OBJECT;
        } else if (value instanceof Collection) {
            return ARRAY;
        } else if (value instanceof BinData || value instanceof UUID || value instanceof LegacyUUID) {
            return BINARY;
        } else if (value instanceof ObjectId) {
            return OBJECT_ID;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Instant || value instanceof Date) {
            return DATE;
        } else if (value instanceof BsonTimestamp) {
            return TIMESTAMP;
        } else if (value instanceof BsonRegularExpression) {
            return REGEX;
        } else if (value instanceof MinKey) {
            return MIN_KEY;
        } else if (value instanceof MaxKey) {
            return MAX_KEY;
        }
        return OBJECT; // anything else (JavaScript code) is kept for equality
    }

    /** Appends one component in ascending order. */
    static void append(ByteArrayOutputStream out, Object value) {
        byte bracket = bracket(value);
        out.write(bracket);
        switch (bracket) {
            case NULL, MIN_KEY, MAX_KEY -> {
            }
            case NUMBER -> number(out, (Number) value);
            case STRING -> escaped(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case BOOLEAN -> out.write(((Boolean) value) ? 1 : 0);
            case DATE -> signedLong(out, value instanceof Instant i ? i.toEpochMilli() : ((Date) value).getTime());
            case OBJECT_ID -> out.writeBytes(((ObjectId) value).toByteArray());
            case TIMESTAMP -> signedLong(out, ((BsonTimestamp) value).getValue());
            case BINARY -> escaped(out, BsonBytes.encodeValue(value));
            default -> escaped(out, BsonBytes.encodeValue(value));
        }
    }

    /** One component inverted, for a descending index field: inverting a prefix-free code reverses its order. */
    static void appendDescending(ByteArrayOutputStream out, Object value) {
        ByteArrayOutputStream component = new ByteArrayOutputStream(16);
        append(component, value);
        byte[] bytes = component.toByteArray();
        for (byte b : bytes) {
            out.write(~b & 0xFF);
        }
    }

    static void append(ByteArrayOutputStream out, Object value, boolean ascending) {
        if (ascending) {
            append(out, value);
        } else {
            appendDescending(out, value);
        }
    }

    /** A whole key for values in index field order. */
    static byte[] key(List<Object> values, List<Boolean> ascending) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        for (int i = 0; i < values.size(); i++) {
            append(out, values.get(i), ascending.get(i));
        }
        return out.toByteArray();
    }

    /**
     * The first byte string after every string that starts with {@code prefix}: the exclusive upper end of a prefix
     * range. Null when there is none (the prefix is all 0xFF bytes).
     */
    static byte[] afterPrefix(byte[] prefix) {
        int end = prefix.length;
        while (end > 0 && prefix[end - 1] == (byte) 0xFF) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        byte[] next = Arrays.copyOf(prefix, end);
        next[end - 1]++;
        return next;
    }

    // ---- components

    /**
     * A number as its double value made order-preserving (sign bit flipped for positives, all bits for negatives),
     * then the exact remainder of a long that a double cannot hold (0 for every other number). NaN sorts below all
     * numbers, as in MongoDB.
     */
    private static void number(ByteArrayOutputStream out, Number number) {
        double value;
        long remainder = 0;
        if (number instanceof Decimal128 decimal) {
            value = decimal.doubleValue();
        } else {
            value = number.doubleValue();
            if (number instanceof Long l && (long) value != l) {
                remainder = l - (long) value;
            }
        }
        long bits;
        if (Double.isNaN(value)) {
            bits = 0;
        } else {
            if (value == 0.0) {
                value = 0.0; // -0.0 equals 0.0
            }
            long raw = Double.doubleToLongBits(value);
            bits = raw >= 0 ? raw ^ Long.MIN_VALUE : ~raw;
            if (bits == 0) {
                bits = 1; // keep 0 for NaN
            }
        }
        unsignedLong(out, bits);
        signedLong(out, remainder);
    }

    private static void signedLong(ByteArrayOutputStream out, long value) {
        unsignedLong(out, value ^ Long.MIN_VALUE);
    }

    private static void unsignedLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    /** Bytes with 0x00 written as 0x00 0xFF, ended by 0x00 0x00: prefix-free, and byte order is preserved. */
    private static void escaped(ByteArrayOutputStream out, byte[] bytes) {
        for (byte b : bytes) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0);
        out.write(0);
    }

    /** The start shared by the keys of every string beginning with {@code prefix}. */
    static byte[] stringPrefix(String prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length() + 2);
        out.write(STRING);
        for (byte b : prefix.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        return out.toByteArray();
    }

    /** The encoded form of a document or array value, for keys that hold whole objects. */
    static byte[] encodeObject(Object value) {
        return value instanceof Document d ? BsonBytes.encode(d) : BsonBytes.encodeValue(value);
    }
}
