package org.hipaatraining.lrs.forwarding;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A target as an admin sends it (API body or page form), checked field by field: every mistake is a
 * {@link ForwardingException} naming the field.
 *
 * @param credentials  for LRS and NDJSON targets; a secret left out on a change keeps the one stored
 * @param signingSecret for NDJSON and webhook targets; left out on creation, one is made (and shown once)
 * @param events       webhook event names ({@code person.compliant}, ...); empty: all
 * @param paused       whether the target starts (or stays, on a change) paused; left out: a new target runs, a
 *                     changed one keeps its state
 * @param startFrom    where a new target starts: "now" (the default), "beginning", or a date or instant to replay from
 */
public record TargetForm(String name, String kind, String url, String xapiVersion, CredentialsForm credentials,
                         String signingSecret, StatementSelection selection, List<String> events, Boolean paused,
                         String startFrom) {

    public record CredentialsForm(String kind, String username, String secret) {
    }

    TargetKind targetKind() {
        if (kind == null || kind.isBlank()) {
            throw new ForwardingException("kind", "required: XAPI_LRS, NDJSON or WEBHOOK");
        }
        try {
            return TargetKind.valueOf(kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ForwardingException("kind", "'" + kind + "' is not XAPI_LRS, NDJSON or WEBHOOK");
        }
    }

    /** The target this form describes; {@code existing} (on a change) lends the secrets the form leaves out. */
    Target toTarget(String id, Instant createdAt, Target existing, boolean allowHttp) {
        if (name == null || name.isBlank()) {
            throw new ForwardingException("name", "required");
        }
        if (name.length() > 100) {
            throw new ForwardingException("name", "at most 100 characters");
        }
        TargetKind k = targetKind();
        URI uri = uri(allowHttp);
        String version = null;
        if (k == TargetKind.XAPI_LRS) {
            version = xapiVersion == null || xapiVersion.isBlank() ? "2.0.0" : xapiVersion.strip();
            if (!Target.XAPI_VERSIONS.contains(version)) {
                throw new ForwardingException("xapiVersion", "'" + xapiVersion + "' is not 1.0.3 or 2.0.0");
            }
        }
        Credentials c = k == TargetKind.WEBHOOK ? Credentials.NONE : credentials(existing);
        String secret = k == TargetKind.XAPI_LRS ? null : signingSecret(existing);
        StatementSelection s = selection == null ? StatementSelection.EVERYTHING : selection;
        checkIris(s.verbs(), "selection.verbs");
        checkIris(s.activities().stream().map(a -> a.endsWith("*") ? a.substring(0, a.length() - 1) : a).toList(),
                "selection.activities");
        for (String source : s.sources()) {
            if (source == null || source.isBlank()) {
                throw new ForwardingException("selection.sources", "an xAPI client key may not be empty");
            }
        }
        // a change that does not say leaves a paused target paused (pause and resume have their own buttons)
        boolean pausedNow = paused != null ? paused : existing != null && existing.paused();
        return new Target(id, name.strip(), k, uri, version, c, secret, s, eventTypes(), pausedNow, createdAt);
    }

    private URI uri(boolean allowHttp) {
        if (url == null || url.isBlank()) {
            throw new ForwardingException("url", "required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ForwardingException("url", "not a URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new ForwardingException("url", "an absolute https:// URL is required");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowHttp && !loopback(uri.getHost())) {
            throw new ForwardingException("url", "https:// is required (training records must not cross a network in clear)");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ForwardingException("url", "an https:// URL is required");
        }
        if (uri.getUserInfo() != null) {
            throw new ForwardingException("url", "put credentials in credentials, not in the URL");
        }
        return uri;
    }

    /** The loopback by name or address literal; never looked up (an admin's form must not wait on DNS). */
    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || h.equals("[::1]") || h.equals("::1");
    }

    private Credentials credentials(Target existing) {
        if (credentials == null || credentials.kind() == null || credentials.kind().isBlank()) {
            return existing != null && credentials == null ? existing.credentials() : Credentials.NONE;
        }
        Credentials.Kind ck;
        try {
            ck = Credentials.Kind.valueOf(credentials.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ForwardingException("credentials.kind", "'" + credentials.kind() + "' is not NONE, BASIC or BEARER");
        }
        String secret = credentials.secret();
        if ((secret == null || secret.isEmpty()) && existing != null && existing.credentials() != null
                && existing.credentials().kind() == ck) {
            secret = existing.credentials().secret();
        }
        return switch (ck) {
            case NONE -> Credentials.NONE;
            case BASIC -> {
                if (credentials.username() == null || credentials.username().isBlank() || credentials.username().contains(":")) {
                    throw new ForwardingException("credentials.username", "required for BASIC, without ':'");
                }
                if (secret == null || secret.isEmpty()) {
                    throw new ForwardingException("credentials.secret", "required for BASIC");
                }
                yield new Credentials(ck, credentials.username().strip(), secret);
            }
            case BEARER -> {
                if (secret == null || secret.isBlank() || secret.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
                    throw new ForwardingException("credentials.secret", "required for BEARER: a token of printable characters");
                }
                yield new Credentials(ck, null, secret);
            }
        };
    }

    private String signingSecret(Target existing) {
        if (signingSecret != null && !signingSecret.isBlank()) {
            if (signingSecret.strip().length() < 16) {
                throw new ForwardingException("signingSecret", "at least 16 characters");
            }
            return signingSecret.strip();
        }
        return existing != null && existing.signingSecret() != null ? existing.signingSecret() : Secrets.generate();
    }

    private Set<ComplianceEventType> eventTypes() {
        Set<ComplianceEventType> types = EnumSet.noneOf(ComplianceEventType.class);
        for (String e : events == null ? List.<String>of() : events) {
            types.add(ComplianceEventType.fromWireName(e).orElseThrow(() -> new ForwardingException("events",
                    "'" + e + "' is not one of person.added, person.compliant, person.overdue, requirement.completed, "
                            + "requirement.failed")));
        }
        return types;
    }

    private static void checkIris(List<String> iris, String field) {
        for (String iri : iris) {
            try {
                if (iri == null || new URI(iri).getScheme() == null) {
                    throw new ForwardingException(field, "'" + iri + "' is not an absolute IRI");
                }
            } catch (URISyntaxException e) {
                throw new ForwardingException(field, "'" + iri + "' is not an IRI");
            }
        }
    }

    /** Where a new target's cursor starts. */
    Position start(Instant now) {
        if (startFrom == null || startFrom.isBlank() || startFrom.equalsIgnoreCase("now")) {
            return Position.from(now);
        }
        if (startFrom.equalsIgnoreCase("beginning")) {
            return Position.from(Instant.EPOCH);
        }
        return Position.from(parseFrom(startFrom, "startFrom"));
    }

    /** A date (midnight UTC) or an instant. */
    static Instant parseFrom(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ForwardingException(field, "required: a date (2026-11-30) or an instant (2026-11-30T08:00:00Z)");
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ForwardingException(field, "'" + text + "' is not a date (2026-11-30) or an instant (2026-11-30T08:00:00Z)");
        }
    }
}
