package org.hipaatraining.lrs.xapi.statements;

import java.time.Instant;
import java.util.List;

/**
 * Published just before a batch is inserted, with the same {@code batchId} as the {@link StatementsStored} that follows
 * once it is stored. A listener that must apply every statement records the batch here and clears it when it has
 * applied it, so a batch stored by an instance that stopped before its listeners ran is still known afterwards.
 * A listener that throws fails the request, and nothing is stored.
 */
public record StatementsStoring(String batchId, List<String> statementIds, Instant stored) {
}
