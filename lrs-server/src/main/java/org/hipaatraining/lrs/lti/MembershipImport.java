package org.hipaatraining.lrs.lti;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Adds the members of an LMS course to the roster (LTI Names and Role Provisioning Services 2.0), so people are on the
 * roster, with their platform account linked, before their first launch. Inactive and deleted members are skipped.
 */
@Service
public class MembershipImport {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    private static final int MAX_PAGES = 100;

    private final PlatformHttp http;
    private final PlatformTokens tokens;
    private final LtiUsers users;
    private final ResourceLinkStore links;

    MembershipImport(PlatformHttp http, PlatformTokens tokens, LtiUsers users, ResourceLinkStore links) {
        this.http = http;
        this.tokens = tokens;
        this.users = users;
        this.links = links;
    }

    /** What an import did: people matched or added, members skipped (inactive, or refused by the roster, with why). */
    public record Result(int members, int onRoster, List<String> personIds, List<String> skipped) {
    }

    public Result importMembers(LtiPlatform platform, String membershipsUrl, String role) {
        checkUrl(platform, membershipsUrl);
        int members = 0;
        List<String> personIds = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            String token = tokens.accessToken(platform, List.of(LtiClaims.SCOPE_MEMBERSHIPS));
            String url = membershipsUrl.trim();
            for (int page = 0; url != null && page < MAX_PAGES; page++) {
                PlatformHttp.Response response = http.get(url, LtiClaims.MEMBERSHIP_TYPE, token);
                if (!response.ok()) {
                    throw new LtiException(HttpStatus.BAD_GATEWAY, platform.name() + " answered " + response.status()
                            + " for the members: " + response.excerpt());
                }
                for (JsonNode member : response.json("the members list").path("members")) {
                    members++;
                    String status = member.path("status").asString("Active");
                    String sub = member.path("user_id").asString("");
                    if (sub.isEmpty() || !status.equalsIgnoreCase("Active")) {
                        skipped.add((sub.isEmpty() ? "(no user_id)" : sub) + ": " + status);
                        continue;
                    }
                    try {
                        Person person = users.personFor(platform, new LtiUsers.LtiUser(sub, name(member),
                                member.path("email").asString(null)), role);
                        personIds.add(person.id());
                    } catch (LtiException e) {
                        skipped.add(sub + ": " + e.getMessage());
                    }
                }
                url = next(response).orElse(null);
            }
        } catch (IOException e) {
            throw new LtiException(HttpStatus.BAD_GATEWAY, "the members of " + platform.name() + " could not be read: "
                    + e.getMessage(), e);
        }
        return new Result(members, personIds.size(), personIds, skipped);
    }

    /**
     * The URL gets the platform's access token, so it must be the platform's: on the host of one of its registered
     * endpoints, or seen in a launch from it (Canvas serves members from the school's own host).
     */
    private void checkUrl(LtiPlatform platform, String url) {
        if (url == null || url.isBlank()) {
            throw LtiException.badRequest("contextMembershipsUrl: required (the LMS course's Names and Roles URL)");
        }
        String host;
        try {
            host = URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException e) {
            throw LtiException.badRequest("contextMembershipsUrl: '" + url + "' is not a URL");
        }
        boolean platformHost = host != null && List.of(platform.issuer(), platform.authLoginUrl(), platform.tokenUrl(),
                platform.jwksUrl()).stream().anyMatch(u -> host.equalsIgnoreCase(hostOf(u)));
        if (!platformHost && !links.membershipsUrlSeen(platform.id(), url.trim())) {
            throw LtiException.badRequest("contextMembershipsUrl: not a URL of " + platform.name()
                    + " (not on its hosts, and no launch from it has shown this URL)");
        }
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String name(JsonNode member) {
        String name = member.path("name").asString("");
        if (name.isBlank()) {
            name = (member.path("given_name").asString("") + " " + member.path("family_name").asString("")).trim();
        }
        return name.isBlank() ? null : name;
    }

    private static Optional<String> next(PlatformHttp.Response response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
