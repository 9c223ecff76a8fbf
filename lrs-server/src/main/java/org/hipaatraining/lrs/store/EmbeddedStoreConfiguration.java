package org.hipaatraining.lrs.store;

import com.mongodb.ConnectionString;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded store when no {@code spring.mongodb.uri} is configured, and hands its address to Spring Boot's
 * MongoDB auto-configuration, which then creates the one {@code MongoClient} the application uses.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriCondition.class)
class EmbeddedStoreConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedStore embeddedStore(StoreProperties properties) {
        return EmbeddedStores.start(properties);
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedStore store) {
        ConnectionString connectionString = new ConnectionString(store.connectionString());
        return () -> connectionString;
    }
}
