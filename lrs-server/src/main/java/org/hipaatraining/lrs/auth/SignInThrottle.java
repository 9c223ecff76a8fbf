package org.hipaatraining.lrs.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Service;

/**
 * Counts failed sign-ins per account and per client address in MongoDB ({@code sign_in_failures}), so every server
 * instance sees the same counts, and locks an account or address that fails too often within the window
 * ({@link SignInSettings}). A locked account or address is refused before its password is checked, whatever the
 * password. Admins see the locks and lift them.
 * <p>
 * Checking a lock is on every authenticated request's path, so it reads memory: each instance re-reads the current
 * locks at most every {@code lock-refresh} (one small query), and knows its own new locks at once.
 */
@Service
public class SignInThrottle implements DeclaresIndexes {

    static final String FAILURES = "sign_in_failures";
    /** How long a failure record stays visible to admins after its window or lock has passed. */
    private static final Duration KEPT = Duration.ofDays(1);
    /** Records past {@link #KEPT} are deleted this often (by whichever instance refreshes its locks then). */
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final MongoTemplate mongo;
    private final SignInSettings settings;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Map<String, Instant> locks = Map.of();
    private volatile Instant refreshedAt = Instant.EPOCH;
    private volatile Instant prunedAt = Instant.EPOCH;

    SignInThrottle(MongoTemplate mongo, SignInSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** An account or address with failed sign-ins, as admins see it. */
    public record FailureRecord(String id, String kind, String name, int failures, Instant lastFailure,
                                String lastAddress, Instant lockedUntil) {

        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(FAILURES, new Document("lockedUntil", 1)),
                IndexDeclaration.of(FAILURES, new Document("expiresAt", 1)));
    }

    /** Refuses the attempt, before any password is checked, when its account or its address is locked. */
    void checkNotLocked(SignInAttempt attempt) {
        Instant now = clock.instant();
        Map<String, Instant> current = currentLocks(now);
        for (String id : ids(attempt)) {
            Instant until = current.get(id);
            if (until != null && until.isAfter(now)) {
                SecurityEvents.refusedWhileLocked(attempt, id);
                throw new LockedException("too many failed sign-ins for this " + (id.startsWith("address|")
                        ? "address" : "account") + "; try again after " + until + " or ask an admin to lift the lock");
            }
        }
    }

    /**
     * Counts a failed attempt against its account and address, locking either when it reaches its limit. One at a time
     * per instance: concurrent first failures of one address would otherwise race to insert its record (handled, but
     * noisy); failures are few and each already cost a password check.
     */
    synchronized void failed(SignInAttempt attempt, String reason) {
        SecurityEvents.signInFailed(attempt, reason);
        Instant now = clock.instant();
        List<String> ids = ids(attempt);
        for (String id : ids) {
            boolean address = id.startsWith("address|");
            int limit = address ? settings.addressMaxFailures() : settings.accountMaxFailures();
            Document counted = count(id, attempt, address, now);
            int failures = counted.getInteger("failures", 0);
            Date lockedUntil = counted.getDate("lockedUntil");
            if (failures >= limit && (lockedUntil == null || !lockedUntil.toInstant().isAfter(now))) {
                lock(id, failures, now);
            }
        }
    }

    /** Every account and address with failures in the last day, locked ones first. */
    public List<FailureRecord> records() {
        Instant now = clock.instant();
        List<FailureRecord> records = new ArrayList<>();
        failures().find(Filters.gt("expiresAt", Date.from(now))).sort(Sorts.descending("expiresAt"))
                .forEach(d -> records.add(record(d)));
        records.sort((a, b) -> Boolean.compare(b.locked(now), a.locked(now)));
        return records;
    }

    /** Lifts a lock (and forgets the failures that made it); false when there was no such record. */
    public boolean lift(String id, String admin) {
        Document lifted = failures().findOneAndUpdate(Filters.eq("_id", id),
                Updates.combine(Updates.set("lockedUntil", null), Updates.set("failures", 0),
                        Updates.set("windowStart", Date.from(clock.instant()))));
        if (lifted == null) {
            return false;
        }
        Map<String, Instant> without = new HashMap<>(locks);
        without.remove(id);
        locks = Map.copyOf(without);
        SecurityEvents.lifted(id, admin);
        return true;
    }

    Optional<FailureRecord> find(String id) {
        return Optional.ofNullable(failures().find(Filters.eq("_id", id)).first()).map(SignInThrottle::record);
    }

    private List<String> ids(SignInAttempt attempt) {
        String account = "account|" + attempt.channel().value() + "|" + attempt.account();
        return attempt.channel() == SignInAttempt.Channel.LAUNCH_TOKEN ? List.of(account)
                : List.of(account, "address|" + attempt.address());
    }

    /**
     * Adds one failure, atomically: within the current window the count goes up; past it (or for a first failure) a new
     * window starts at one. Two instances starting a new window at once: one inserts, the other retries and counts up.
     */
    private Document count(String id, SignInAttempt attempt, boolean address, Instant now) {
        Date windowOpen = Date.from(now.minus(settings.window()));
        Date expires = Date.from(now.plus(settings.window()).plus(settings.lockDuration()).plus(KEPT));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        List<org.bson.conversions.Bson> common = new ArrayList<>(List.of(Updates.set("lastFailure", Date.from(now)),
                Updates.set("expiresAt", expires), Updates.set("kind", address ? "address" : "account"),
                Updates.set("name", address ? attempt.address() : attempt.account())));
        if (!address) {
            common.add(Updates.set("lastAddress", attempt.address()));
            common.add(Updates.set("channel", attempt.channel().value()));
        }
        for (int attemptNo = 0; ; attemptNo++) {
            List<org.bson.conversions.Bson> increment = new ArrayList<>(common);
            increment.add(Updates.inc("failures", 1));
            // Plain equality documents, not $and: the shape MongoDB (and mongo-java-server) serve from _id.
            Document counted = failures().findOneAndUpdate(new Document("_id", id)
                    .append("windowStart", new Document("$gt", windowOpen)), Updates.combine(increment), after);
            if (counted != null) {
                return counted;
            }
            List<org.bson.conversions.Bson> restart = new ArrayList<>(common);
            restart.add(Updates.set("failures", 1));
            restart.add(Updates.set("windowStart", Date.from(now)));
            try {
                return failures().findOneAndUpdate(new Document("_id", id)
                                .append("windowStart", new Document("$not", new Document("$gt", windowOpen))), Updates.combine(restart),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            } catch (MongoException e) {
                if (attemptNo > 0 || ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private void lock(String id, int failures, Instant now) {
        Instant until = now.plus(settings.lockDuration());
        failures().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("lockedUntil", Date.from(until)),
                Updates.max("expiresAt", Date.from(until.plus(KEPT)))));
        Map<String, Instant> with = new HashMap<>(locks);
        with.put(id, until);
        locks = Map.copyOf(with);
        SecurityEvents.locked(id, failures, until);
    }

    /** The locks as of at most {@code lock-refresh} ago; one thread re-reads them while the others use the last read. */
    private Map<String, Instant> currentLocks(Instant now) {
        if (refreshedAt.plus(settings.lockRefresh()).isAfter(now) || !refreshing.tryLock()) {
            return locks;
        }
        try {
            Map<String, Instant> read = new HashMap<>();
            failures().find(Filters.gt("lockedUntil", Date.from(now)))
                    .projection(new Document("lockedUntil", 1))
                    .forEach(d -> read.put(d.getString("_id"), d.getDate("lockedUntil").toInstant()));
            locks = Map.copyOf(read);
            refreshedAt = now;
            if (prunedAt.plus(PRUNE_EVERY).isBefore(now)) {
                failures().deleteMany(Filters.lt("expiresAt", Date.from(now)));
                prunedAt = now;
            }
        } catch (MongoException e) {
            log.warn("Could not read the sign-in locks; using the last ones read: {}", e.getMessage());
        } finally {
            refreshing.unlock();
        }
        return locks;
    }

    private MongoCollection<Document> failures() {
        return mongo.getCollection(FAILURES);
    }

    private static FailureRecord record(Document d) {
        Date until = d.getDate("lockedUntil");
        Date last = d.getDate("lastFailure");
        return new FailureRecord(d.getString("_id"), d.getString("kind"), d.getString("name"), d.getInteger("failures", 0),
                last == null ? null : last.toInstant(), d.getString("lastAddress"), until == null ? null : until.toInstant());
    }
}
