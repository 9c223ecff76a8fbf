package org.hipaatraining.lrs.xapi.statements;

import java.time.Instant;

/** The position after the last statement of a page: the (stored, id) pair statements are ordered by. */
record PageCursor(Instant stored, String id) {
}
