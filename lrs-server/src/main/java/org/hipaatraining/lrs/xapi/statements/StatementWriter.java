package org.hipaatraining.lrs.xapi.statements;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapi.activities.ActivityStore;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a prepared batch so that it is stored whole or, if refused, not at all, whatever fails along the way:
 * <ol>
 *   <li>log: the batch is written to the {@link StatementLog} in one document (the commit point);</li>
 *   <li>store: its statements are inserted; an id another request stored meanwhile with other content undoes this
 *       batch's inserts and refuses it (409);</li>
 *   <li>side effects: voided statements are marked, activity definitions merged;</li>
 *   <li>project: every {@link StatementsConsumer} applies the batch (the compliance records);</li>
 *   <li>finish: the log entry is removed.</li>
 * </ol>
 * The request path runs all of it before answering; {@link StatementLogRecovery} runs steps 2-5 again for an entry
 * whose request did not get to the end. Every step is idempotent, so running it twice is harmless.
 */
@Component
class StatementWriter {

    private static final Logger log = LoggerFactory.getLogger(StatementWriter.class);

    private final StatementLog statementLog;
    private final StatementStore store;
    private final ActivityStore activities;
    private final List<StatementsConsumer> consumers;
    private final Clock clock;
    private final Duration lease;
    private final String owner;
    /** Called after each step with its name; tests make it throw to stop a batch there, as a crash would. */
    volatile java.util.function.Consumer<String> afterStep = step -> {
    };

    StatementWriter(StatementLog statementLog, StatementStore store, ActivityStore activities,
                    List<StatementsConsumer> consumers, Clock clock,
                    @Value("${lrs.statements.log-lease:15s}") Duration lease) {
        this.statementLog = statementLog;
        this.store = store;
        this.activities = activities;
        this.consumers = List.copyOf(consumers);
        this.clock = clock;
        this.lease = lease;
        this.owner = InstanceName.current();
    }

    String owner() {
        return owner;
    }

    Duration lease() {
        return lease;
    }

    /**
     * A batch ready to be logged: its statement documents, what it voids, the definitions it brings.
     *
     * @param statements the statements as stored (with id, stored, authority), in the order of {@code documents}
     */
    record Batch(String id, Instant at, List<Document> documents, List<ObjectNode> statements, List<String> voidTargets,
                 Map<String, ObjectNode> definitions, String launchSession) {
    }

    /** Steps 1-5 for a new batch; returns what was stored. Throws 409 (nothing stored) when an id was taken meanwhile. */
    List<StoredStatement> write(Batch batch) {
        String definitions = batch.definitions().isEmpty() ? null : XapiJson.write(XapiJson.MAPPER.valueToTree(batch.definitions()));
        StatementLog.Entry entry = new StatementLog.Entry(batch.id(), batch.at(), batch.documents(), batch.voidTargets(),
                definitions, batch.launchSession(), owner, batch.at().plus(lease), 0);
        statementLog.open(entry);
        afterStep.accept("logged");
        return complete(entry, batch.statements());
    }

    /** Steps 2-5 for an entry found in the log. */
    void replay(StatementLog.Entry entry) {
        List<ObjectNode> statements = new ArrayList<>(entry.documents().size());
        for (Document d : entry.documents()) {
            statements.add((ObjectNode) XapiJson.parse(d.getString("json"), "logged statement"));
        }
        try {
            complete(entry, statements);
        } catch (XapiException conflict) {
            log.info("Statement log: batch {} was refused ({}); nothing of it is kept", entry.id(), conflict.getMessage());
        }
    }

    private List<StoredStatement> complete(StatementLog.Entry entry, List<ObjectNode> statements) {
        List<Document> documents = entry.documents();
        Set<String> alreadyThere = store.insertNew(documents);
        if (!alreadyThere.isEmpty()) {
            checkSame(entry, documents, statements, alreadyThere);
        }
        afterStep.accept("stored");
        store.markVoided(entry.voidTargets());
        if (entry.definitions() != null) {
            Map<String, JsonNode> definitions = new LinkedHashMap<>();
            XapiJson.parse(entry.definitions(), "logged definitions").properties()
                    .forEach(e -> definitions.put(e.getKey(), e.getValue()));
            activities.merge(definitions);
        }
        afterStep.accept("side effects");
        List<StoredStatement> stored = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            stored.add(StoredStatement.of(statements.get(i), documents.get(i)));
        }
        if (project(stored, entry.launchSession())) {
            statementLog.finish(entry.id(), entry.parts());
        }
        return stored;
    }

    /**
     * Ids already stored when this batch's insert ran: a re-send, a replay of this very batch, or another request that
     * took the id with other content first, which refuses this batch.
     */
    private void checkSame(StatementLog.Entry entry, List<Document> documents, List<ObjectNode> statements, Set<String> ids) {
        Map<String, String> stored = store.findJson(ids);
        for (int i = 0; i < documents.size(); i++) {
            String id = documents.get(i).getString("_id");
            if (!ids.contains(id)) {
                continue;
            }
            ObjectNode mine = statements.get(i);
            JsonNode theirs = XapiJson.parse(stored.get(id), "stored statement");
            boolean lrsTimestamp = mine.path("timestamp").equals(mine.path("stored"));
            if (!StatementComparison.same(mine, lrsTimestamp, theirs)) {
                store.deleteOfBatch(documents.stream().map(d -> d.getString("_id")).toList(), entry.id());
                statementLog.remove(entry.id(), entry.parts());
                throw XapiException.conflict("statement " + id + " is already stored with different content; statements "
                        + "are immutable. Nothing from this request was stored.");
            }
        }
    }

    /** Runs every consumer; false when one failed, so the batch stays in the log for another try. */
    private boolean project(List<StoredStatement> stored, String launchSession) {
        boolean all = true;
        for (StatementsConsumer consumer : consumers) {
            try {
                consumer.apply(stored, launchSession);
            } catch (RuntimeException e) {
                all = false;
                log.warn("{} will get {} statements again later: {}", consumer.getClass().getSimpleName(), stored.size(),
                        e.toString());
            }
        }
        return all;
    }

    /** Who wrote a log entry: host, process and its start, so that a restart on the same host knows the owner is gone. */
    static final class InstanceName {

        private InstanceName() {
        }

        static String current() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "unknown-host";
            }
            ProcessHandle self = ProcessHandle.current();
            long started = self.info().startInstant().map(Instant::toEpochMilli)
                    .orElse(ManagementFactory.getRuntimeMXBean().getStartTime());
            return host + "|" + self.pid() + "|" + started;
        }

        /** Whether an owner name is a process of this host that has ended. */
        static boolean endedOnThisHost(String owner) {
            String[] parts = owner == null ? new String[0] : owner.split("\\|");
            if (parts.length != 3 || !parts[0].equals(current().split("\\|")[0])) {
                return false;
            }
            try {
                long pid = Long.parseLong(parts[1]);
                long started = Long.parseLong(parts[2]);
                return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                        .map(s -> s.toEpochMilli() != started).orElse(true);
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
