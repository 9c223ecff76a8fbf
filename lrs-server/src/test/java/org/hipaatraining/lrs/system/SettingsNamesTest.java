package org.hipaatraining.lrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** A schedule's SpEL reads the settings record by its simple name: the record's default, or the property when set. */
class SettingsNamesTest {

    @ConfigurationProperties("test.sample")
    record SampleSettings(@DefaultValue("3s") Duration interval) {
    }

    @Component
    static class Reader {
        final long millis;

        Reader(@Value("#{@sampleSettings.interval().toMillis()}") long millis) {
            this.millis = millis;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SampleSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class).withBean(SettingsNames.class).withBean(Reader.class);

    @Test
    void theRecordsDefaultIsRead() {
        context.run(c -> assertThat(c.getBean(Reader.class).millis).isEqualTo(3_000));
    }

    @Test
    void aChangedPropertyChangesWhatIsRead() {
        context.withPropertyValues("test.sample.interval=7s")
                .run(c -> assertThat(c.getBean(Reader.class).millis).isEqualTo(7_000));
    }
}
