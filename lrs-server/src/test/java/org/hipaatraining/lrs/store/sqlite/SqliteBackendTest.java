package org.hipaatraining.lrs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * The SQLite store must answer every query as mongo-java-server's memory backend does (the reference here, itself
 * checked against MongoDB by its authors), while reading through its indexes. Random documents and queries, the same
 * on both, through the real driver; the seed is printed so a failure can be replayed.
 */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
class SqliteBackendTest {

    @TempDir
    Path dir;

    private MongoServer sqliteServer;
    private MongoServer memoryServer;
    private SqliteBackend backend;
    private MongoClient sqliteClient;
    private MongoClient memoryClient;

    @BeforeEach
    void start() {
        backend = SqliteBackend.open(dir.resolve("test.sqlite"), true);
        sqliteServer = new MongoServer(backend);
        memoryServer = new MongoServer(new MemoryBackend());
        sqliteClient = MongoClients.create(sqliteServer.bindAndGetConnectionString());
        memoryClient = MongoClients.create(memoryServer.bindAndGetConnectionString());
    }

    @AfterEach
    void stop() {
        sqliteClient.close();
        memoryClient.close();
        sqliteServer.shutdownNow();
        memoryServer.shutdownNow();
    }

    private MongoCollection<Document> sqlite(String name) {
        return sqliteClient.getDatabase("db").getCollection(name);
    }

    private MongoCollection<Document> memory(String name) {
        return memoryClient.getDatabase("db").getCollection(name);
    }

    private void onBoth(String name, java.util.function.Consumer<MongoCollection<Document>> action) {
        action.accept(sqlite(name));
        action.accept(memory(name));
    }

    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "alp", "", "Zeta", "ümlaut", "a\u0000b"};

    private static Document randomDocument(Random random, int id) {
        Document d = new Document("_id", "id-" + id);
        if (random.nextInt(10) > 0) {
            d.append("n", switch (random.nextInt(4)) {
                case 0 -> random.nextInt(20) - 10;
                case 1 -> (long) (random.nextInt(20) - 10);
                case 2 -> random.nextInt(40) / 2.0 - 10;
                default -> random.nextBoolean() ? null : random.nextInt(5);
            });
        }
        if (random.nextInt(10) > 0) {
            d.append("s", WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? random.nextInt(3) : ""));
        }
        d.append("at", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(50) * 3600L)));
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(WORDS[random.nextInt(4)]);
        }
        d.append("tags", tags);
        List<Document> facets = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            facets.add(new Document("verb", "v" + random.nextInt(4)).append("agents", List.of("a" + random.nextInt(5), "a" + random.nextInt(5))));
        }
        d.append("facets", facets);
        d.append("flag", random.nextBoolean());
        return d;
    }

    private static Bson randomFilter(Random random) {
        return switch (random.nextInt(18)) {
            case 0 -> new Document();
            case 1 -> Filters.eq("n", random.nextInt(20) - 10);
            case 2 -> Filters.in("n", random.nextInt(10), random.nextInt(10) - 5, 2.5);
            case 3 -> Filters.and(Filters.gte("n", random.nextInt(10) - 5), Filters.lt("n", random.nextInt(10)));
            case 4 -> Filters.eq("s", WORDS[random.nextInt(WORDS.length)]);
            case 5 -> Filters.regex("s", "^" + WORDS[random.nextInt(4)].substring(0, 2));
            case 6 -> Filters.eq("tags", WORDS[random.nextInt(4)]);
            case 7 -> Filters.eq("facets.agents", "a" + random.nextInt(5));
            case 8 -> Filters.and(Filters.eq("facets.verb", "v" + random.nextInt(4)),
                    Filters.gt("at", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(50) * 3600L))));
            case 9 -> Filters.or(Filters.gt("at", Date.from(Instant.parse("2026-01-02T00:00:00Z"))),
                    Filters.and(Filters.eq("at", Date.from(Instant.parse("2026-01-02T00:00:00Z"))), Filters.gt("_id", "id-3")));
            case 10 -> Filters.in("_id", "id-" + random.nextInt(50), "id-" + random.nextInt(50), "id-999");
            case 11 -> Filters.eq("n", null);
            case 12 -> Filters.and(Filters.eq("flag", random.nextBoolean()), Filters.exists("s"));
            case 13 -> Filters.or(Filters.eq("s", "alpha"), Filters.eq("s", "beta1"));
            case 14 -> Filters.ne("n", 3);
            case 15 -> Filters.elemMatch("facets", Filters.and(Filters.eq("verb", "v" + random.nextInt(4)),
                    Filters.eq("agents", "a" + random.nextInt(5))));
            case 16 -> Filters.and(Filters.eq("flag", random.nextBoolean()), Filters.elemMatch("facets",
                    Filters.in("agents", "a" + random.nextInt(5), "a" + random.nextInt(5))));
            default -> Filters.and(Filters.eq("facets.agents", "a" + random.nextInt(5)), Filters.lte("at",
                    Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(50) * 3600L))));
        };
    }

    private static Bson randomSort(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> Sorts.descending("at", "_id");
            case 2 -> Sorts.ascending("at", "_id");
            case 3 -> Sorts.ascending("s", "_id");
            case 4 -> Sorts.descending("n", "_id");
            default -> Sorts.ascending("_id");
        };
    }

    private static void createIndexes(MongoCollection<Document> collection) {
        collection.createIndex(new Document("at", -1).append("_id", -1));
        collection.createIndex(new Document("facets.agents", 1).append("at", -1).append("_id", -1));
        collection.createIndex(new Document("facets.verb", 1).append("at", -1).append("_id", -1));
        collection.createIndex(new Document("n", 1));
        collection.createIndex(new Document("s", 1).append("_id", 1));
        collection.createIndex(new Document("tags", 1));
    }

    @Test
    void answersRandomQueriesAsTheReferenceBackendDoes() {
        long seed = System.nanoTime();
        System.out.println("SqliteBackendTest seed " + seed);
        Random random = new Random(seed);
        onBoth("things", SqliteBackendTest::createIndexes);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            documents.add(randomDocument(random, i));
        }
        onBoth("things", c -> c.insertMany(documents.stream().map(d -> new Document(d)).toList()));

        for (int round = 0; round < 3; round++) {
            for (int q = 0; q < 150; q++) {
                Bson filter = randomFilter(random);
                Bson sort = randomSort(random);
                int skip = random.nextInt(4) == 0 ? random.nextInt(20) : 0;
                int limit = random.nextInt(3) == 0 ? random.nextInt(30) + 1 : 0;
                Function<MongoCollection<Document>, List<Document>> run = c -> {
                    var find = c.find(filter).skip(skip).limit(limit);
                    if (sort != null) {
                        find = find.sort(sort);
                    }
                    return find.into(new ArrayList<>());
                };
                List<Document> expected = run.apply(memory("things"));
                List<Document> actual = run.apply(sqlite("things"));
                String what = "seed " + seed + " filter " + filter + " sort " + sort + " skip " + skip + " limit " + limit;
                if (sort != null) {
                    assertThat(ids(actual)).as(what).isEqualTo(ids(expected));
                } else if (limit == 0 && skip == 0) {
                    assertThat(ids(actual)).as(what).containsExactlyInAnyOrderElementsOf(ids(expected));
                } else {
                    assertThat(actual).as(what).hasSameSizeAs(expected);
                }
                assertThat(sqlite("things").countDocuments(filter)).as(what).isEqualTo(memory("things").countDocuments(filter));
            }
            // change the data between rounds: updates that move documents within indexes, deletes, new documents
            Bson target = randomFilter(random);
            int newN = random.nextInt(20) - 10;
            onBoth("things", c -> c.updateMany(target, Updates.combine(Updates.set("n", newN),
                    Updates.push("tags", "delta"), Updates.set("at", Date.from(Instant.parse("2026-03-01T00:00:00Z"))))));
            Bson gone = randomFilter(random);
            onBoth("things", c -> c.deleteMany(Filters.and(gone, Filters.eq("flag", true))));
            List<Document> more = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                more.add(randomDocument(random, 1000 * (round + 1) + i));
            }
            onBoth("things", c -> c.insertMany(more.stream().map(d -> new Document(d)).toList()));
        }
    }

    private static List<Object> ids(List<Document> documents) {
        return documents.stream().map(d -> d.get("_id")).toList();
    }

    @Test
    void indexedQueriesReadTheirIndexNotTheTable() {
        MongoCollection<Document> things = sqlite("things");
        createIndexes(things);
        things.insertOne(new Document("_id", "x").append("facets", List.of(new Document("agents", List.of("a1")))));
        var agent = new de.bwaldvogel.mongo.bson.Document("facets.agents", "a1");
        var newest = new de.bwaldvogel.mongo.bson.Document("at", -1).append("_id", -1);
        assertThat(backend.explain("db", "things", agent, newest)).contains("index facets.agents_1_at_-1__id_-1").contains("sorted");
        var keyset = new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("at", new de.bwaldvogel.mongo.bson.Document("$gt", Instant.EPOCH)),
                new de.bwaldvogel.mongo.bson.Document("at", Instant.EPOCH).append("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "a"))));
        assertThat(backend.explain("db", "things", keyset, new de.bwaldvogel.mongo.bson.Document("at", 1).append("_id", 1)))
                .contains("index at_-1__id_-1").contains("reverse").contains("sorted");
        assertThat(backend.explain("db", "things", new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"))), null)).contains("index _id_ (2 ranges");
        assertThat(backend.explain("db", "things", new de.bwaldvogel.mongo.bson.Document("flag", true), null)).isEqualTo("table scan");
        // the statement queries' {facets: {$elemMatch: {...}}} reads the index on the element's field, newest first
        var elemMatch = new de.bwaldvogel.mongo.bson.Document("flag", false).append("facets", new de.bwaldvogel.mongo.bson.Document(
                "$elemMatch", new de.bwaldvogel.mongo.bson.Document("verb", "v1")));
        assertThat(backend.explain("db", "things", elemMatch, newest)).contains("index facets.verb_1_at_-1__id_-1").contains("sorted");
    }

    @Test
    void aFindPagesThroughALargeResultInBatches() {
        MongoCollection<Document> things = sqlite("things");
        things.createIndex(new Document("at", -1).append("_id", -1));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            documents.add(new Document("_id", String.format("id-%05d", i)).append("at", new Date(1_000_000L * i))
                    .append("padding", "x".repeat(500)));
        }
        things.insertMany(documents);
        List<Object> read = new ArrayList<>();
        things.find().sort(Sorts.descending("at", "_id")).batchSize(0).forEach(d -> read.add(d.get("_id")));
        assertThat(read).hasSize(5000).first().isEqualTo("id-04999");
        assertThat(read).last().isEqualTo("id-00000");
        assertThat(things.countDocuments(Filters.gte("at", new Date(1_000_000L * 4000)))).isEqualTo(1000);
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAllWhenTheDiskFills() {
        MongoCollection<Document> things = sqlite("things");
        things.insertOne(new Document("_id", "before"));
        backend.limitSize(dir.resolve("test.sqlite").toFile().length() + 64 * 1024);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(new Document("_id", "b" + i).append("padding", "x".repeat(2000)));
        }
        assertThatThrownBy(() -> things.insertMany(batch, new InsertManyOptions().ordered(false)))
                .isInstanceOf(MongoException.class).hasMessageContaining("disk holding the data is full");
        assertThat(things.countDocuments()).isEqualTo(1);
        assertThat(things.find(Filters.eq("_id", "before")).first()).isNotNull();

        backend.limitSize(0);
        things.insertMany(batch);
        assertThat(things.countDocuments()).isEqualTo(201);
    }

    @Test
    void aReadOnlyDiskRefusesWritesButKeepsAnsweringReads() {
        MongoCollection<Document> things = sqlite("things");
        things.insertOne(new Document("_id", "kept"));
        backend.refuseWrites(true);
        assertThatThrownBy(() -> things.insertOne(new Document("_id", "refused"))).isInstanceOf(MongoException.class)
                .hasMessageContaining("read-only");
        assertThat(things.find(Filters.eq("_id", "kept")).first()).isNotNull();
        backend.refuseWrites(false);
        things.insertOne(new Document("_id", "accepted"));
        assertThat(things.countDocuments()).isEqualTo(2);
    }

    @Test
    void duplicateIdsAreReportedAsMongoDbDoesAndTheRestOfTheBatchIsStored() {
        MongoCollection<Document> things = sqlite("things");
        things.insertOne(new Document("_id", "a"));
        assertThatThrownBy(() -> things.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b")),
                new InsertManyOptions().ordered(false)))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, e ->
                        assertThat(e.getWriteErrors()).singleElement().satisfies(w -> assertThat(w.getCode()).isEqualTo(11000)));
        assertThat(things.countDocuments()).isEqualTo(2);
    }

    @Test
    void aCollectionRenamedOverAnotherKeepsItsIndexes() {
        MongoCollection<Document> old = sqlite("records");
        old.insertOne(new Document("_id", "stale").append("k", 1));
        MongoCollection<Document> rebuilt = sqlite("records_rebuild");
        rebuilt.createIndex(new Document("k", 1));
        rebuilt.insertMany(List.of(new Document("_id", "a").append("k", 1), new Document("_id", "b").append("k", 2)));
        rebuilt.renameCollection(new com.mongodb.MongoNamespace("db", "records"),
                new com.mongodb.client.model.RenameCollectionOptions().dropTarget(true));

        MongoCollection<Document> records = sqlite("records");
        assertThat(records.countDocuments()).isEqualTo(2);
        assertThatThrownBy(() -> records.insertOne(new Document("_id", "a"))).hasMessageContaining("E11000");
        records.insertOne(new Document("_id", "c").append("k", 1));
        assertThat(records.find(Filters.eq("k", 1)).into(new ArrayList<>())).extracting(d -> d.get("_id"))
                .containsExactlyInAnyOrder("a", "c");
        assertThat(backend.explain("db", "records", new de.bwaldvogel.mongo.bson.Document("k", 1), null)).contains("index k_1");
    }

    @Test
    void whatWasCommittedIsThereAfterReopening() {
        MongoCollection<Document> things = sqlite("things");
        things.createIndex(new Document("k", 1), new IndexOptions().unique(true));
        things.createIndex(new Document("v", 1));
        things.insertMany(List.of(new Document("_id", 1).append("k", "one").append("v", 5),
                new Document("_id", 2).append("k", "two").append("v", 5)));
        sqliteClient.close();
        sqliteServer.shutdownNow();

        backend = SqliteBackend.open(dir.resolve("test.sqlite"), true);
        sqliteServer = new MongoServer(backend);
        sqliteClient = MongoClients.create(sqliteServer.bindAndGetConnectionString());
        MongoCollection<Document> reopened = sqlite("things");
        assertThat(reopened.find(Filters.eq("v", 5)).projection(Projections.include("k")).into(new ArrayList<>()))
                .extracting(d -> d.get("k")).containsExactlyInAnyOrder("one", "two");
        assertThat(backend.explain("db", "things", new de.bwaldvogel.mongo.bson.Document("v", 5), null)).contains("index v_1");
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", 3).append("k", "one")))
                .isInstanceOf(MongoException.class).hasMessageContaining("E11000");
    }
}
