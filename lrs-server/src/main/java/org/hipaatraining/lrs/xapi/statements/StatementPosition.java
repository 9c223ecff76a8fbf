package org.hipaatraining.lrs.xapi.statements;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of statements ended: the (stored, id) pair statements are ordered by, so the next page continues
 * after it with an index range instead of skipping (a keyset page), however deep it is.
 */
public record StatementPosition(Instant stored, String id) {

    /** A URL-safe token for the position. */
    public String token() {
        String plain = stored.toEpochMilli() + "_" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token names; IllegalArgumentException for anything {@link #token()} did not write. */
    public static StatementPosition parse(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int cut = plain.indexOf('_');
            if (cut <= 0 || cut == plain.length() - 1 || plain.length() > 80) {
                throw new IllegalArgumentException("not a page position");
            }
            return new StatementPosition(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, cut))), plain.substring(cut + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a page position this server issued", e);
        }
    }
}
