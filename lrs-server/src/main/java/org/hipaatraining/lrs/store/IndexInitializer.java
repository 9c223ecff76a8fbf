package org.hipaatraining.lrs.store;

import java.util.List;

import com.mongodb.client.model.IndexOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates every declared index before the application serves requests. Creating an existing index is a no-op in
 * MongoDB, so several instances starting at once against one database are safe.
 */
@Component
class IndexInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexInitializer.class);

    private final MongoTemplate mongo;
    private final List<DeclaresIndexes> declarers;

    IndexInitializer(MongoTemplate mongo, List<DeclaresIndexes> declarers) {
        this.mongo = mongo;
        this.declarers = declarers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int count = 0;
        for (DeclaresIndexes declarer : declarers) {
            for (IndexDeclaration index : declarer.indexes()) {
                mongo.getCollection(index.collection())
                        .createIndex(index.keys(), new IndexOptions().name(index.name()).unique(index.unique()));
                count++;
            }
        }
        log.info("Ensured {} indexes", count);
    }
}
