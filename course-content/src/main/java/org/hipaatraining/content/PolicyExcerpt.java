package org.hipaatraining.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The part of a policy a learner is shown before acknowledging it, and its fingerprint. The acknowledgement statement
 * carries {@link #sha256()}, so a record shows exactly which text was acknowledged: the LRS recomputes it from the
 * policy version it holds (docs/content-format.md, "Policies").
 *
 * @param sectionIds the sections shown, in policy order; empty when the whole policy was shown
 * @param html       the {@code <section>} elements shown, each as {@code outerHtml} without pretty printing, joined by
 *                   one line feed: exactly the string the player renders
 */
public record PolicyExcerpt(Policy policy, List<String> sectionIds, String html) {

    public PolicyExcerpt {
        sectionIds = List.copyOf(sectionIds);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@link #html()}. */
    public String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
