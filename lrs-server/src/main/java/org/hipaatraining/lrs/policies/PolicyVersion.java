package org.hipaatraining.lrs.policies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import org.hipaatraining.content.Policy;

/**
 * One published version of a policy, never changed once stored: the catalogue's model text (as first served by this
 * LRS) or a version the practice published.
 *
 * @param html        the policy HTML learners are shown (sections with ids)
 * @param format      how the practice wrote it ({@code markdown} or {@code html}); {@code html} for the model policies
 * @param source      the text as the practice typed it, so the editor reopens it as written
 * @param origin      {@link #CATALOGUE} or {@link #PRACTICE}
 * @param publishedBy the admin who published it; null for the catalogue's
 */
public record PolicyVersion(String policyId, String version, String title, LocalDate effectiveDate, String html,
                            String format, String source, String origin, String publishedBy, Instant publishedAt) {

    public static final String CATALOGUE = "catalogue";
    public static final String PRACTICE = "practice";

    static PolicyVersion ofCatalogue(Policy model, Instant seen) {
        return new PolicyVersion(model.id(), model.version(), model.title(), model.effectiveDate(), model.html(), "html",
                model.html(), CATALOGUE, null, seen);
    }

    /** The content model's policy, for excerpts and their SHA-256 (what the packager and the player use). */
    public Policy policy() {
        return new Policy(policyId, title, version, effectiveDate, html);
    }

    /** When this LRS recorded it, in UTC to the minute. */
    public String recorded() {
        return publishedAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(publishedAt);
    }

    public boolean fromPractice() {
        return PRACTICE.equals(origin);
    }

    /** Lower-case hex SHA-256 of the whole text's UTF-8 bytes: identifies the version's text in the history. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
