package org.hipaatraining.lrs.forwarding;

import java.time.Instant;

/**
 * Where a target's deliveries stand, kept with the target so it survives restarts and is shared by instances.
 *
 * @param cursor          the last item given to the target (or passed over by its selection)
 * @param leaseToken      who may deliver now: the token of the instance's claim, null when nobody holds it
 * @param failures        failures in a row of the batch at the cursor (0: the last try succeeded)
 * @param failingSince    when that batch first failed (dead letters are counted from here)
 * @param nextAttemptAt   no try before this (the backoff)
 * @param delivered       items delivered since the target was created
 * @param failed          tries that failed since the target was created
 * @param deadLettered    items set aside as dead letters since the target was created
 */
public record DeliveryState(Position cursor, String leaseToken, String leaseOwner, Instant leaseUntil, int failures,
                            Instant failingSince, Instant nextAttemptAt, String lastError, Instant lastErrorAt,
                            Instant lastDeliveredAt, long delivered, long failed, long deadLettered) {

    boolean leasedAt(Instant now) {
        return leaseToken != null && leaseUntil != null && leaseUntil.isAfter(now);
    }
}
