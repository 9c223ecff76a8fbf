package org.hipaatraining.lrs.content;

import java.nio.file.Path;

import org.hipaatraining.content.AuthoredModules;
import org.hipaatraining.content.Catalogue;
import org.springframework.beans.factory.ObjectProvider;
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

    /**
     * @param authored the modules the practice writes (trigger events' micro-lessons), asked only when a module id or
     *                 IRI is not the content's, by then built
     */
    @Bean
    Catalogue catalogue(@Value("${lrs.content-dir:}") String contentDir, ObjectProvider<AuthoredModules> authored) {
        Catalogue content = contentDir.isBlank() ? Catalogue.loadDefault() : Catalogue.load(Path.of(contentDir));
        Catalogue catalogue = content.withAuthoredModules(id -> {
            AuthoredModules modules = authored.getIfAvailable();
            return modules == null ? java.util.Optional.empty() : modules.module(id);
        });
        log.info("Course catalogue: {} modules, {} roles{}", catalogue.modules().size(), catalogue.roles().size(),
                contentDir.isBlank() ? "" : " from " + contentDir);
        return catalogue;
    }
}
