package org.hipaatraining.lrs.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * URLs an LMS asks us to send the learner or a form back to (the deep-link return URL, the launch's return_url). They
 * become a form action or a link on our origin, so only https is accepted: a platform-signed {@code javascript:} or
 * {@code data:} URL would otherwise run on the LRS. Plain http only for a platform on this machine (tests, a local LMS).
 */
final class LmsReturnUrls {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private LmsReturnUrls() {
    }

    /** The URL's origin ({@code https://lms.example:8443}) when it is one we may send a learner to. */
    static Optional<String> safeOrigin(String url) {
        if (url == null || url.length() > 2_048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            boolean local = LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
            if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
