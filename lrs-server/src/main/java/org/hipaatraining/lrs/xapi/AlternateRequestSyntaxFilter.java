package org.hipaatraining.lrs.xapi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * xAPI 1.0.3's Alternate Request Syntax, for clients that can only send form POSTs: {@code POST ...?method=PUT} with a
 * form whose header-named fields become headers, whose {@code content} field becomes the body and whose other fields
 * become parameters. The request continues as the request it stands for. xAPI 2.0 removed the syntax: a 2.0 request
 * using it is refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AlternateRequestSyntaxFilter extends OncePerRequestFilter {

    private static final Set<String> HEADER_FIELDS = Set.of("authorization", "x-experience-api-version", "content-type",
            "content-length", "if-match", "if-none-match");
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private final XapiErrorWriter errors;
    private final XapiSettings settings;

    AlternateRequestSyntaxFilter(XapiErrorWriter errors, XapiSettings settings) {
        this.errors = errors;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || !request.getRequestURI().startsWith(request.getContextPath() + "/xapi/")
                || !(query.startsWith("method=") || query.contains("&method="));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String> query;
        try {
            query = decode(request.getQueryString(), "query string");
        } catch (MalformedForm e) {
            reject(response, e.getMessage());
            return;
        }
        String method = query.get("method");
        if (!"POST".equals(request.getMethod())) {
            reject(response, "method: the Alternate Request Syntax is only allowed on POST");
            return;
        }
        if (query.size() > 1) {
            reject(response, "the Alternate Request Syntax allows no query parameter but 'method'; send the others as form fields");
            return;
        }
        if (method == null || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            reject(response, "method: must be one of GET, PUT, POST, DELETE, HEAD");
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            reject(response, "Content-Type: the Alternate Request Syntax needs application/x-www-form-urlencoded");
            return;
        }
        // Before authentication, so the size limit comes first: nothing past it is ever read into memory.
        long limit = settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        byte[] raw = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (raw.length > limit) {
            tooLarge(response, limit);
            return;
        }
        Map<String, String> form;
        try {
            form = decode(new String(raw, StandardCharsets.UTF_8), "form");
        } catch (MalformedForm e) {
            reject(response, e.getMessage());
            return;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> params = new LinkedHashMap<>();
        String content = null;
        for (Map.Entry<String, String> field : form.entrySet()) {
            String name = field.getKey();
            if (HEADER_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, field.getValue());
            } else if ("content".equals(name)) {
                content = field.getValue();
            } else {
                params.put(name, field.getValue());
            }
        }
        String version = headers.getOrDefault(XapiVersion.HEADER, request.getHeader(XapiVersion.HEADER));
        if (XapiVersion.fromHeader(version).map(XapiVersion::isV2).orElse(false)) {
            response.setHeader(XapiVersion.HEADER, XapiVersion.V2_0_0.header());
            errors.write(response, HttpStatus.BAD_REQUEST, "xAPI 2.0 does not support the Alternate Request Syntax; send a " + method + " request");
            return;
        }
        chain.doFilter(new AlternateRequest(request, method.toUpperCase(Locale.ROOT), headers, params,
                content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8)), response);
    }

    private void reject(HttpServletResponse response, String message) throws IOException {
        response.setHeader(XapiVersion.HEADER, XapiVersion.V1_0_3.header());
        errors.write(response, HttpStatus.BAD_REQUEST, message);
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader(XapiVersion.HEADER, XapiVersion.V1_0_3.header());
        errors.write(response, HttpStatus.CONTENT_TOO_LARGE, RequestBodies.tooLarge(limit).getMessage());
    }

    /** A field whose percent-encoding is broken ({@code content=%zz}): the client's mistake, named in the 400. */
    private static final class MalformedForm extends Exception {
        MalformedForm(String message) {
            super(message, null, false, false);
        }
    }

    private static Map<String, String> decode(String encoded, String where) throws MalformedForm {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = urlDecode(eq < 0 ? pair : pair.substring(0, eq), where + " field name");
            String value = eq < 0 ? "" : urlDecode(pair.substring(eq + 1), name);
            values.put(name, value);
        }
        return values;
    }

    private static String urlDecode(String text, String field) throws MalformedForm {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedForm(field + ": malformed percent-encoding (a '%' must be followed by two hex digits)");
        }
    }

    /** The request the form stands for. */
    private static final class AlternateRequest extends HttpServletRequestWrapper {

        private final String method;
        private final Map<String, String> headers;
        private final Map<String, String[]> params;
        private final byte[] body;

        AlternateRequest(HttpServletRequest request, String method, Map<String, String> headers,
                         Map<String, String> params, byte[] body) {
            super(request);
            this.method = method;
            this.headers = headers;
            this.body = body;
            this.params = new LinkedHashMap<>();
            params.forEach((k, v) -> this.params.put(k, new String[] {v}));
            if (!headers.containsKey("Content-Type")) {
                headers.put("Content-Type", "application/json");
            }
            headers.put("Content-Length", Integer.toString(body.length));
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getHeader(String name) {
            return headers.containsKey(name) ? headers.get(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return headers.containsKey(name) ? Collections.enumeration(List.of(headers.get(name))) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new java.util.ArrayList<>(headers.keySet());
            Collections.list(super.getHeaderNames()).stream().filter(n -> !headers.containsKey(n)).forEach(names::add);
            return Collections.enumeration(names);
        }

        @Override
        public String getContentType() {
            return headers.get("Content-Type");
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            String[] values = params.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(params);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(params.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return params.get(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
