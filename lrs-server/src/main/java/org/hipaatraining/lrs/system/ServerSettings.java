package org.hipaatraining.lrs.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl the address learners' browsers and LMSs use to reach this server ({@code lrs.public-url}); it goes
 *                  into launch links and into the authority of statements written by this LRS's clients
 */
@ConfigurationProperties("lrs")
public record ServerSettings(@DefaultValue("http://localhost:8080") URI publicUrl) {

    /** The public URL with no trailing slash, for building links. */
    public String base() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
