package org.hipaatraining.lrs.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.hipaatraining.lrs.LrsApplication;
import org.hipaatraining.lrs.xapi.FailingXapiResource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.Tag;

/**
 * Base for tests against the running LRS: the real server on a random port, talking to mongo-java-server over a
 * socket through {@code spring.mongodb.uri} (the production configuration path). All subclasses share one server and
 * one database, so tests use their own actors, activities and ids instead of relying on an empty store.
 */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
@SpringBootTest(classes = {LrsApplication.class, LrsIntegrationTest.RecordQueries.class, FailingEndpoints.class,
        FailingXapiResource.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "lrs.bootstrap.client-key=" + LrsIntegrationTest.KEY,
                "lrs.bootstrap.client-secret=" + LrsIntegrationTest.SECRET,
                "lrs.bootstrap.admin-password=" + LrsIntegrationTest.ADMIN_PASSWORD,
                "lrs.xapi.consistency-window=0s",
                "lrs.xapi.max-body-size=2MB",
                // Every test connects from 127.0.0.1 and many send wrong credentials on purpose: no address lock here
                // (auth.SignInThrottleTest has a server of its own for that).
                "lrs.security.sign-in.address-max-failures=1000000",
                // The shared roster grows with every test class: one PDF for all of it, and small parts so that a
                // package job of a modest roster has several.
                "lrs.reports.audit-pdf-max-people=100000",
                "lrs.reports.audit-part-size=40",
                // forwarding: retries and hand-overs in seconds, not minutes (forwarding.ForwardingTest)
                "lrs.forwarding.poll-interval=200ms",
                "lrs.forwarding.settle=200ms",
                "lrs.forwarding.backoff-base=200ms",
                "lrs.forwarding.backoff-max=1s",
                "lrs.forwarding.request-timeout=2s",
                "lrs.forwarding.lease=4s",
                "lrs.forwarding.round-time=2s",
                // on MongoDB the key of targets' secrets is given (forwarding.SecretsAtRest); a test key
                "lrs.forwarding.secret-key=" + LrsIntegrationTest.FORWARDING_KEY
        })
public abstract class LrsIntegrationTest {

    public static final String KEY = "test-client";
    public static final String SECRET = "test-client-secret";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** The test key of forwarding targets' secrets (base64 of 32 bytes). */
    public static final String FORWARDING_KEY = "oLAo57VD+liSEoF7ayxW5xeGIjf2q1FPe20AT7xFzlc=";

    @LocalServerPort
    protected int port;

    protected XapiHttp xapi;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("lrs-it"));
        // The official XSDs (shared/schemas, next to the repository) when this machine has them: cmi5 uploads are then
        // validated against CourseStructure.xsd too.
        registry.add("lrs.cmi5.schemas-dir", () -> schemasDir().map(Path::toString).orElse(""));
    }

    /** shared/schemas beside the repository, if present. */
    public static Optional<Path> schemasDir() {
        return Stream.of(Path.of("../shared/schemas"), Path.of("../../shared/schemas"))
                .filter(p -> Files.isRegularFile(p.resolve("cmi5/CourseStructure.xsd")))
                .map(p -> p.toAbsolutePath().normalize()).findFirst();
    }

    @BeforeEach
    void client() {
        xapi = XapiHttp.basic(URI.create("http://127.0.0.1:" + port), KEY, SECRET);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecordQueries {
        @Bean
        MongoClientSettingsBuilderCustomizer recordQueries() {
            return settings -> settings.addCommandListener(RecordedQueries.INSTANCE);
        }
    }
}
