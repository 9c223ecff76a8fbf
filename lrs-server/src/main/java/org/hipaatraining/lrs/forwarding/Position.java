package org.hipaatraining.lrs.forwarding;

import java.time.Instant;

/**
 * A place in a stored order (statements by stored time then id; events likewise): what a target has been given up to
 * and including. An id of null stands before every item of that instant, so {@code (t, null)} replays from t on.
 */
public record Position(Instant at, String id) {

    static Position from(Instant at) {
        return new Position(at, null);
    }
}
