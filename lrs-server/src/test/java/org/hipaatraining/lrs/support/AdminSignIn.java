package org.hipaatraining.lrs.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in to the admin pages as a browser does (the form, with its CSRF token) and gives the session cookie, so that
 * load clients and benchmarks pay for pages, not for one bcrypt check of the password per request (HTTP Basic).
 */
public final class AdminSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private AdminSignIn() {
    }

    /** The {@code JSESSIONID=...} cookie of a session signed in as {@code user}. */
    public static String sessionCookie(HttpClient http, URI base, String user, String password) {
        HttpResponse<String> form = send(http, HttpRequest.newBuilder(base.resolve("/login")).GET());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page: " + form.statusCode());
        }
        String cookie = cookie(form, null);
        HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(base.resolve("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf.group(1)))));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
        }
        return cookie(signedIn, cookie); // a new session id after sign-in (session fixation protection)
    }

    private static String cookie(HttpResponse<?> response, String otherwise) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith("JSESSIONID=")) {
                return header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
            }
        }
        if (otherwise == null) {
            throw new IllegalStateException("no session cookie in " + response.headers().map());
        }
        return otherwise;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
