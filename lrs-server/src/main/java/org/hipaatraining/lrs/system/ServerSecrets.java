package org.hipaatraining.lrs.system;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Random keys the server instances share ({@code server_secrets}), e.g. to sign the tokens one instance hands out and
 * another checks. Each is made once, by whichever instance asks first: an upsert that only sets the key on insert, so
 * instances starting together still agree on one key. Read once per instance, then kept in memory.
 */
@Service
public class ServerSecrets {

    static final String COLLECTION = "server_secrets";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    ServerSecrets(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The 256-bit key called {@code name}, the same on every instance. */
    public byte[] key(String name) {
        return known.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] candidate = new byte[KEY_BYTES];
        RANDOM.nextBytes(candidate);
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        for (int attempt = 0; ; attempt++) {
            try {
                Document stored = mongo.getCollection(COLLECTION).findOneAndUpdate(new Document("_id", name),
                        Updates.combine(Updates.setOnInsert("key", new Binary(candidate)),
                                Updates.setOnInsert("createdAt", Date.from(clock.instant()))), upsert);
                return stored.get("key", Binary.class).getData();
            } catch (MongoException e) {
                // Two instances inserted at once and this one lost: the next attempt reads the winner's key.
                if (attempt > 0 || ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }
}
