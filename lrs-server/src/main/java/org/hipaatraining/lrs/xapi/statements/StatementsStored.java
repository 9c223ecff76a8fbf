package org.hipaatraining.lrs.xapi.statements;

import java.util.List;

import org.hipaatraining.lrs.auth.XapiClient;

/**
 * Published after a batch of new statements is stored and every {@link StatementsConsumer} has applied it, for
 * reactions that may be missed without harm (they have a sweep of their own, or the next statement triggers them
 * again): LTI grade passback, cmi5 satisfaction. What must never be missed is a {@link StatementsConsumer}.
 */
public record StatementsStored(String batchId, List<StoredStatement> statements, XapiClient client) {
}
