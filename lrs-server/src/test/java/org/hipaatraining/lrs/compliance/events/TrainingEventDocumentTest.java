package org.hipaatraining.lrs.compliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The hand-written stored form of an event is what Spring Data writes and reads back (less its type hint). */
class TrainingEventDocumentTest {

    private static final MappingMongoConverter SPRING = converter();

    static List<TrainingEvent> events() {
        Instant at = Instant.parse("2026-11-20T10:15:30.123Z");
        return List.of(
                new TrainingEvent("4b7f3a8e-0000-4000-8000-000000000001", "mbox|mailto:rosa@clinic.test", "Rosa", "privacy",
                        "1.2.0", false, EventType.PASSED, true, 0.85, at, at.plusMillis(40), "moodle", "c0ffee00-0000-4000-8000-000000000000",
                        null, null, "passed-module", "https://hipaa-training.org/xapi/activities/module/privacy", null, null),
                new TrainingEvent("4b7f3a8e-0000-4000-8000-000000000002", "account|https://lms.example|42", null, "privacy",
                        "1.2.0", true, EventType.ACKNOWLEDGED, false, null, at, at, null, null, "privacy-policy", "2026.1",
                        "attestation", "https://hipaa-training.org/xapi/activities/module/privacy/attestation",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", List.of("sanctions", "complaints")));
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesWhatSpringDataWritesAndReadsBack(TrainingEvent event) {
        Document spring = new Document();
        SPRING.write(event, spring);
        spring.remove("_class");

        Document ours = TrainingEventStore.document(event);
        assertThat(ours).isEqualTo(spring);
        assertThat(SPRING.read(TrainingEvent.class, ours)).isEqualTo(event);
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
