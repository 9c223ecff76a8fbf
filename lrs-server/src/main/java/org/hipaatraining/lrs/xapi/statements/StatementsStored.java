package org.hipaatraining.lrs.xapi.statements;

import java.util.List;

import org.hipaatraining.lrs.auth.XapiClient;
import tools.jackson.databind.JsonNode;

/**
 * Published after a batch of new statements is stored (as the LRS stored them, with id, stored and authority), so
 * features such as compliance records can react at once. It is a convenience, not the source of truth: listeners that
 * must not miss a statement record the batch on {@link StatementsStoring} and catch up from the store.
 */
public record StatementsStored(String batchId, List<JsonNode> statements, XapiClient client) {
}
