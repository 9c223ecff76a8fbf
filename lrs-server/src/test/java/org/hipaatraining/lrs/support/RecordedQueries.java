package org.hipaatraining.lrs.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Every query the application sends to MongoDB during the tests: collection, filter and sort, taken from the wire
 * commands (find, update, delete, findAndModify, count, aggregate's first $match).
 */
public final class RecordedQueries implements CommandListener {

    public record Query(String command, String collection, BsonDocument filter, BsonDocument sort) {
    }

    public static final RecordedQueries INSTANCE = new RecordedQueries();

    private final List<Query> queries = new CopyOnWriteArrayList<>();

    private RecordedQueries() {
    }

    public List<Query> all() {
        return List.copyOf(queries);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        switch (name) {
            case "find" -> record(name, command.getString("find").getValue(), command.getDocument("filter", new BsonDocument()),
                    command.getDocument("sort", new BsonDocument()));
            case "count" -> record(name, command.getString("count").getValue(), command.getDocument("query", new BsonDocument()),
                    new BsonDocument());
            case "findAndModify" -> record(name, command.getString("findAndModify").getValue(),
                    command.getDocument("query", new BsonDocument()), command.getDocument("sort", new BsonDocument()));
            case "update" -> {
                for (BsonValue update : command.getArray("updates", new org.bson.BsonArray())) {
                    record(name, command.getString("update").getValue(), update.asDocument().getDocument("q"), new BsonDocument());
                }
            }
            case "delete" -> {
                for (BsonValue delete : command.getArray("deletes", new org.bson.BsonArray())) {
                    record(name, command.getString("delete").getValue(), delete.asDocument().getDocument("q"), new BsonDocument());
                }
            }
            case "aggregate" -> {
                var pipeline = command.getArray("pipeline");
                BsonDocument match = pipeline.isEmpty() ? new BsonDocument()
                        : pipeline.get(0).asDocument().getDocument("$match", new BsonDocument());
                if (command.isString("aggregate")) {
                    record(name, command.getString("aggregate").getValue(), match, new BsonDocument());
                }
            }
            default -> {
            }
        }
    }

    private void record(String command, String collection, BsonDocument filter, BsonDocument sort) {
        // The event's documents live in a network buffer that is released after the listener returns: copy them.
        queries.add(new Query(command, collection, BsonDocument.parse(filter.toJson()), BsonDocument.parse(sort.toJson())));
    }
}
