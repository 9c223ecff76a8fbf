package org.hipaatraining.lrs.compliance.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.hipaatraining.lrs.compliance.ComplianceException;

/**
 * Where a list page ended, as the opaque {@code after} parameter of the next page's link: the sort value and the
 * person's id of the last line. It only says where to continue; a tampered token lists from another place, no more.
 */
record PageToken(String sortValue, String personId) {

    private static final char SEPARATOR = '\n';

    static PageToken parse(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int at = text.indexOf(SEPARATOR);
            if (at < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new PageToken(text.substring(0, at), text.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new ComplianceException("the page parameter 'after' is not one this server wrote; start from the first page");
        }
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sortValue + SEPARATOR + personId).getBytes(StandardCharsets.UTF_8));
    }
}
