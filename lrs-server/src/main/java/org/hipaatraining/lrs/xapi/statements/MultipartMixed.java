package org.hipaatraining.lrs.xapi.statements;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hipaatraining.lrs.xapimodel.XapiException;

/**
 * A {@code multipart/mixed} body (RFC 2046) as xAPI uses it for statements with attachments: the statements in the
 * first part, then one part per attachment. Parsing is on bytes with CRLF line ends, so binary attachments survive.
 */
final class MultipartMixed {

    private static final byte[] CRLF = {'\r', '\n'};

    record Part(Map<String, String> headers, byte[] body) {

        /** A header by case-insensitive name. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private MultipartMixed() {
    }

    /** The boundary parameter of a {@code multipart/mixed} content type, or a 400 naming what is missing. */
    static String boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        throw XapiException.badRequest("Content-Type: multipart/mixed needs a boundary parameter");
    }

    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        if (start < 0 || (start > 0 && !precededByCrlf(body, start))) {
            throw XapiException.badRequest("multipart body: the boundary '" + boundary + "' does not open the body");
        }
        List<Part> parts = new ArrayList<>();
        int position = start + delimiter.length;
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts;
            }
            position = skipTransportPadding(body, position);
            if (!startsWith(body, position, CRLF)) {
                throw XapiException.badRequest("multipart body: a boundary line must end with CRLF");
            }
            position += 2;
            int next = indexOf(body, concat(CRLF, delimiter), position);
            if (next < 0) {
                throw XapiException.badRequest("multipart body: missing the closing boundary '--" + boundary + "--'");
            }
            parts.add(part(Arrays.copyOfRange(body, position, next)));
            position = next + 2 + delimiter.length;
        }
    }

    private static Part part(byte[] raw) {
        int headerEnd = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        String headerText;
        byte[] content;
        if (startsWith(raw, 0, CRLF)) {
            headerText = "";
            content = Arrays.copyOfRange(raw, 2, raw.length);
        } else if (headerEnd >= 0) {
            headerText = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1);
            content = Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
        } else {
            throw XapiException.badRequest("multipart body: a part's headers must be followed by an empty line (CRLF CRLF)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : headerText.split("\r\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw XapiException.badRequest("multipart body: malformed part header '" + line + "'");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Part(headers, content);
    }

    /** Writes parts as a multipart/mixed body with the given boundary. */
    static byte[] write(String boundary, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            part.headers().forEach((name, value) -> out.writeBytes((name + ": " + value + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
            out.writeBytes(CRLF);
            out.writeBytes(part.body());
            out.writeBytes(CRLF);
        }
        out.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static int skipTransportPadding(byte[] body, int position) {
        while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
            position++;
        }
        return position;
    }

    private static boolean precededByCrlf(byte[] body, int index) {
        return index >= 2 && body[index - 2] == '\r' && body[index - 1] == '\n';
    }

    private static boolean startsWith(byte[] body, int offset, byte[] prefix) {
        if (offset + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
