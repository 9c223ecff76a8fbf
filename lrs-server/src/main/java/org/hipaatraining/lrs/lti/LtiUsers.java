package org.hipaatraining.lrs.lti;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * LTI users as people on the roster. A platform user is the xAPI account {homePage: issuer, name: sub}; the first launch
 * links that account to the person with the same email, or adds a new person in the role the link asks for.
 */
@Component
class LtiUsers {

    static final String DEFAULT_ROLE = "everyone";
    private static final Logger log = LoggerFactory.getLogger(LtiUsers.class);

    private final RosterService roster;
    private final Catalogue catalogue;

    LtiUsers(RosterService roster, Catalogue catalogue) {
        this.roster = roster;
        this.catalogue = catalogue;
    }

    /** Who launched: the platform's user id with what the platform tells about them. */
    record LtiUser(String sub, String name, String email) {
    }

    /** The xAPI agent statements about this user are written for. */
    static ObjectNode actor(LtiPlatform platform, LtiUser user) {
        ObjectNode actor = XapiJson.MAPPER.createObjectNode().put("objectType", "Agent").put("name", displayName(user));
        actor.putObject("account").put("homePage", platform.accountHomePage()).put("name", user.sub());
        return actor;
    }

    static String identity(LtiPlatform platform, String sub) {
        return AgentKey.of(actor(platform, new LtiUser(sub, null, null)));
    }

    /** The person for the user: known by the platform account, else by email (then linked), else added. */
    Person personFor(LtiPlatform platform, LtiUser user, String requestedRole) {
        String identity = identity(platform, user.sub());
        Optional<Person> known = roster.byIdentity(identity);
        if (known.isPresent()) {
            return known.get();
        }
        String account = AgentKey.of(actor(platform, user));
        try {
            Optional<Person> byEmail = byEmail(user.email());
            if (byEmail.isPresent()) {
                log.info("LTI: linking {} of {} to {} by email", user.sub(), platform.name(), byEmail.get().id());
                return roster.addIdentity(byEmail.get().id(), XapiJson.write(actor(platform, user)));
            }
            String role = role(requestedRole);
            return roster.create(new RosterService.PersonDetails(null, displayName(user), validEmail(user.email()),
                    Set.of(role), null, null, Person.Status.ACTIVE, List.of(platform.accountHomePage() + "|" + user.sub())));
        } catch (RosterService.RosterException e) {
            // another launch of the same user may have added them a moment ago
            return roster.byIdentity(account).orElseThrow(() -> LtiException.badRequest(
                    "this user could not be added to the roster: " + e.getMessage()));
        }
    }

    /** The role to add a new person in: the link's {@code role} when the catalogue has it, else everyone's baseline. */
    String role(String requested) {
        if (requested != null && catalogue.role(requested.trim()).isPresent()) {
            return requested.trim();
        }
        if (requested != null && !requested.isBlank()) {
            log.warn("LTI: custom role '{}' is not a catalogue role; adding the person as '{}'", requested, DEFAULT_ROLE);
        }
        return DEFAULT_ROLE;
    }

    private Optional<Person> byEmail(String email) {
        String valid = validEmail(email);
        if (valid == null) {
            return Optional.empty();
        }
        return roster.byIdentity(AgentKey.ofEmail(valid));
    }

    private static String validEmail(String email) {
        if (email == null || email.isBlank() || !Formats.isMbox("mailto:" + email.trim())) {
            return null;
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String displayName(LtiUser user) {
        return user.name() == null || user.name().isBlank() ? "LTI user " + user.sub() : user.name().trim();
    }
}
