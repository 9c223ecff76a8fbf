package org.hipaatraining.lrs.forwarding;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Sends one request to a target and says how it went; never throws for what the network or the receiver did. */
@Component
class Sender {

    private final HttpClient http;

    Sender(ForwardingSettings settings) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * How a try went.
     *
     * @param status     the HTTP status, 0 when no answer came
     * @param error      what went wrong (null on success), short enough for the admin page
     * @param retryAfter the receiver's Retry-After, if it gave one in seconds
     */
    record Outcome(int status, String error, Duration retryAfter, long millis) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /**
         * The receiver refused the content itself (malformed, conflicting, too large): trying the same again will not
         * help. Authentication, missing endpoints, throttling and server errors may all pass, and are retried.
         */
        boolean refused() {
            return status == 400 || status == 409 || status == 413 || status == 422;
        }
    }

    Outcome send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(status, null, null, millis);
            }
            return new Outcome(status, "HTTP " + status + excerpt(response.body()), retryAfter(response), millis);
        } catch (HttpTimeoutException e) {
            return new Outcome(0, "no answer within " + request.timeout().map(Duration::toString).orElse("the timeout"),
                    null, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    null, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted (the server is stopping)", null, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(h -> Duration.ofSeconds(Long.parseLong(h.strip()))).orElse(null);
        } catch (NumberFormatException e) {
            return null; // an HTTP date: our own backoff will do
        }
    }
}
