package org.hipaatraining.lrs.forwarding;

import java.time.Instant;
import java.util.List;

/**
 * The next items for a target, read after its cursor.
 *
 * @param ids    the items to deliver (statement or event ids), in order; empty when the selection left all out
 * @param oldest when the first of them was stored (what the lag is measured by), null when none
 * @param end    the position of the last item read, delivered or left out: the cursor once the batch is done
 * @param body   the request body for the target ({@link TargetRequests}); null when there is nothing to send
 */
record Batch(List<String> ids, Instant oldest, Position end, TargetRequests.Body body) {

    boolean nothingToSend() {
        return ids.isEmpty();
    }
}
