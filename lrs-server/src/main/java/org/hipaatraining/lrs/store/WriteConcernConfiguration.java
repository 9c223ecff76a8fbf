package org.hipaatraining.lrs.store;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every write is acknowledged only once a majority of the replica set has it in its journal ({@code w: majority,
 * j: true}): a statement answered 200 then survives the loss of the primary, which is what six years of evidence
 * needs. An explicit {@code w=} in {@code spring.mongodb.uri} is respected, with a warning when it is weaker.
 */
@Configuration(proxyBeanMethods = false)
class WriteConcernConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WriteConcernConfiguration.class);

    @Bean
    MongoClientSettingsBuilderCustomizer majorityJournaledWrites(@Value("${spring.mongodb.uri:}") String uri) {
        WriteConcern given = uri.isBlank() ? null : new ConnectionString(uri).getWriteConcern();
        if (given == null) {
            return settings -> settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        if (!WriteConcern.MAJORITY.equals(given.withJournal(null)) || Boolean.FALSE.equals(given.getJournal())) {
            log.warn("spring.mongodb.uri asks for write concern {}: acknowledged statements may be lost if the primary "
                    + "fails before the write reaches a majority (use w=majority&journal=true)", given.asDocument().toJson());
        }
        return settings -> {
        };
    }
}
