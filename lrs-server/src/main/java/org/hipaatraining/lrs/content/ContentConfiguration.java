package org.hipaatraining.lrs.content;

import java.nio.file.Path;

import org.hipaatraining.content.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The course catalogue the LRS counts modules, roles and versions by: the one packaged in course-content, or a folder
 * of the same format given as {@code lrs.content-dir} (a practice's edited copy).
 */
@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ContentConfiguration.class);

    @Bean
    Catalogue catalogue(@Value("${lrs.content-dir:}") String contentDir) {
        Catalogue catalogue = contentDir.isBlank() ? Catalogue.loadDefault() : Catalogue.load(Path.of(contentDir));
        log.info("Course catalogue: {} modules, {} roles{}", catalogue.modules().size(), catalogue.roles().size(),
                contentDir.isBlank() ? "" : " from " + contentDir);
        return catalogue;
    }
}
