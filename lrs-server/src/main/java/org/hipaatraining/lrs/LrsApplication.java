package org.hipaatraining.lrs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The HIPAA training LRS: an xAPI Learning Record Store on MongoDB with compliance records on top. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LrsApplication {

    public static void main(String[] args) {
        SpringApplication.run(LrsApplication.class, args);
    }
}
