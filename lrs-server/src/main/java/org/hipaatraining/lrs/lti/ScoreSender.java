package org.hipaatraining.lrs.lti;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts queued scores to the platforms' AGS score endpoints ({@code <line item>/scores}) with an access token for the
 * line item and score scopes. A score the platform does not accept (or cannot be reached for) is tried again after
 * {@link LtiSettings#retryInitial()}, doubling each time up to {@link LtiSettings#retryMax()}, until it is accepted.
 */
@Component
class ScoreSender {

    private static final Logger log = LoggerFactory.getLogger(ScoreSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final ScoreOutbox outbox;
    private final LtiPlatforms platforms;
    private final PlatformTokens tokens;
    private final PlatformHttp http;
    private final LtiSettings settings;
    private final Clock clock;

    ScoreSender(ScoreOutbox outbox, LtiPlatforms platforms, PlatformTokens tokens, PlatformHttp http, LtiSettings settings,
                Clock clock) {
        this.outbox = outbox;
        this.platforms = platforms;
        this.tokens = tokens;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "#{@ltiSettings.sendInterval().toMillis()}",
            initialDelayString = "#{@ltiSettings.sendInterval().toMillis()}")
    void sendDue() {
        try {
            for (ScoreOutbox.Entry due : outbox.due(clock.instant(), BATCH)) {
                outbox.claim(due.id(), clock.instant(), LEASE).ifPresent(this::send);
            }
        } catch (RuntimeException e) {
            log.warn("LTI: the score outbox could not be read: {}", e.toString());
        }
    }

    private void send(ScoreOutbox.Entry entry) {
        Optional<LtiPlatform> platform = platforms.byId(entry.platformId());
        if (platform.isEmpty()) {
            retry(entry, "the platform is no longer registered");
            return;
        }
        try {
            String token = tokens.accessToken(platform.get(), List.of(LtiClaims.SCOPE_LINEITEM, LtiClaims.SCOPE_SCORE));
            PlatformHttp.Response response = http.postJson(scoresUrl(entry.lineItem()), LtiClaims.SCORE_TYPE, entry.score(), token);
            if (response.ok()) {
                outbox.sent(entry.id(), response.status(), clock.instant());
                log.info("LTI: score for {} accepted by {} ({})", entry.userId(), platform.get().name(), response.status());
                return;
            }
            if (response.status() == 401) {
                tokens.forget(platform.get());
            }
            retry(entry, "HTTP " + response.status() + ": " + response.excerpt());
        } catch (IOException | RuntimeException e) {
            retry(entry, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void retry(ScoreOutbox.Entry entry, String error) {
        long factor = 1L << Math.min(entry.attempts(), 20);
        Duration wait = settings.retryInitial().multipliedBy(factor);
        if (wait.compareTo(settings.retryMax()) > 0) {
            wait = settings.retryMax();
        }
        Instant next = clock.instant().plus(wait);
        outbox.failed(entry.id(), error, next);
        log.warn("LTI: score for {} to {} not accepted (attempt {}), retrying at {}: {}", entry.userId(), entry.lineItem(),
                entry.attempts() + 1, next, error);
    }

    /** The scores endpoint of a line item: its path plus {@code /scores}, query kept (Moodle puts the tool id there). */
    static String scoresUrl(String lineItem) {
        int q = lineItem.indexOf('?');
        String path = q < 0 ? lineItem : lineItem.substring(0, q);
        String query = q < 0 ? "" : lineItem.substring(q);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/scores" + query;
    }
}
