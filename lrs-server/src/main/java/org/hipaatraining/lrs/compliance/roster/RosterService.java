package org.hipaatraining.lrs.compliance.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.hipaatraining.lrs.xapi.validation.StatementValidator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The workforce roster: who works here, in which roles since when, and which xAPI identities are theirs. Role and
 * status changes are appended as history, because a training record must be judged against the roles a person had
 * at the time.
 */
@Service
public class RosterService {

    private final PersonStore people;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    RosterService(PersonStore people, Catalogue catalogue, Clock clock, ApplicationEventPublisher changes) {
        this.people = people;
        this.catalogue = catalogue;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * What an admin or an import says about a person.
     *
     * @param accounts xAPI accounts as "homePage|name" (e.g. a Moodle site and user id)
     * @param location where the person works; null for none
     */
    public record PersonDetails(String employeeId, String name, String email, Set<String> roles, String supervisor,
                                LocalDate hireDate, Person.Status status, List<String> accounts, String location) {

        /** Without a location. */
        public PersonDetails(String employeeId, String name, String email, Set<String> roles, String supervisor,
                             LocalDate hireDate, Person.Status status, List<String> accounts) {
            this(employeeId, name, email, roles, supervisor, hireDate, status, accounts, null);
        }
    }

    public List<Person> all() {
        return people.all();
    }

    /** The person with this employee ID (indexed): how an import matches its rows. */
    public Optional<Person> byEmployeeId(String employeeId) {
        return people.byEmployeeId(employeeId);
    }

    public Optional<Person> find(String id) {
        return people.find(id);
    }

    /** The people with these ids that are on the roster. */
    public List<Person> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : people.byIds(ids);
    }

    /** The person an xAPI actor is, by any of their identities. */
    public Optional<Person> byIdentity(String agentKey) {
        return people.byIdentifier(agentKey);
    }

    /** The people these xAPI actors are, in one query (a batch of statements names many). */
    public List<Person> byIdentities(Collection<String> agentKeys) {
        return agentKeys.isEmpty() ? List.of() : people.byIdentifiers(agentKeys);
    }

    public Person create(PersonDetails details) {
        check(details);
        LocalDate today = today();
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        // Roles start at hire: someone added to the roster late was still in the role from their first day.
        LocalDate hired = details.hireDate() == null ? today : details.hireDate();
        Person person = new Person(id, blankToNull(details.employeeId()), details.name().trim(), normaliseEmail(details.email()),
                identifiers(id, details), List.of(), blankToNull(details.supervisor()), blankToNull(details.location()), hired,
                List.of(), now, now)
                .withRoles(details.roles(), hired, now);
        if (details.status() != null && details.status() != Person.Status.ACTIVE) {
            person = person.withStatus(details.status(), today, now);
        }
        return save(person);
    }

    /**
     * Applies new details: roles not listed any more end {@code effective}, new ones start then; a status change is
     * recorded from {@code effective}; identities are added, never silently dropped (records are kept under them).
     */
    public Person update(String id, PersonDetails details, LocalDate effective) {
        check(details);
        Person person = people.find(id).orElseThrow(() -> new RosterException("no person with id " + id));
        Instant now = clock.instant();
        LocalDate day = effective == null ? today() : effective;
        Set<String> identifiers = new LinkedHashSet<>(person.identifiers());
        identifiers.addAll(identifiers(id, details));
        if (identifiers.size() > 1) {
            identifiers.remove(syntheticIdentifier(id));
        }
        Person updated = person.withDetails(details.name().trim(), normaliseEmail(details.email()), List.copyOf(identifiers),
                blankToNull(details.supervisor()), blankToNull(details.location()),
                details.hireDate() == null ? person.hireDate() : details.hireDate(), now);
        if (!person.rolesOn(day).equals(details.roles())) {
            updated = updated.withRoles(details.roles(), day, now);
        }
        if (details.status() != null) {
            updated = updated.withStatus(details.status(), day, now);
        }
        return save(updated);
    }

    public Person changeRoles(String id, Set<String> roles, LocalDate effective) {
        checkRoles(roles);
        Person person = people.find(id).orElseThrow(() -> new RosterException("no person with id " + id));
        return save(person.withRoles(roles, effective == null ? today() : effective, clock.instant()));
    }

    public Person changeStatus(String id, Person.Status status, LocalDate effective) {
        Person person = people.find(id).orElseThrow(() -> new RosterException("no person with id " + id));
        return save(person.withStatus(status, effective == null ? today() : effective, clock.instant()));
    }

    /** Links another xAPI identity (an agent as JSON, e.g. the account an LMS uses) to a person. */
    public Person addIdentity(String id, String agentJson) {
        Person person = people.find(id).orElseThrow(() -> new RosterException("no person with id " + id));
        String key = identityKey(agentJson);
        if (key == null) {
            throw new RosterException("agent: needs an mbox, mbox_sha1sum, openid or account");
        }
        Set<String> identifiers = new LinkedHashSet<>(person.identifiers());
        identifiers.remove(syntheticIdentifier(id));
        identifiers.add(key);
        return save(person.withDetails(person.name(), person.email(), List.copyOf(identifiers), person.supervisor(),
                person.hireDate(), clock.instant()));
    }

    /** The key of an agent given as JSON, checked as strictly as an xAPI actor (no objects where strings belong). */
    private static String identityKey(String agentJson) {
        try {
            JsonNode agent = XapiJson.parse(agentJson, "agent");
            if (!agent.isObject()) {
                throw new RosterException("agent: must be a JSON object such as {\"mbox\": \"mailto:kim@clinic.example\"}");
            }
            new StatementValidator(XapiVersion.V2_0_0).agentOrGroup(agent, "agent");
            return AgentKey.of(agent);
        } catch (XapiException e) {
            throw new RosterException(e.getMessage());
        }
    }

    private Person save(Person person) {
        try {
            Person saved = people.save(person);
            changes.publishEvent(ComplianceInputsChanged.people(java.util.Set.of(saved.id())));
            return saved;
        } catch (DuplicateKeyException e) {
            throw new RosterException("an email or account of " + person.name()
                    + " already belongs to someone else on the roster");
        }
    }

    /** Refuses details that cannot be saved (name, location, email, roles, accounts); the importer checks whole files. */
    void check(PersonDetails details) {
        if (details.name() == null || details.name().isBlank()) {
            throw new RosterException("name: required");
        }
        if (details.location() != null && details.location().length() > 200) {
            throw new RosterException("location: at most 200 characters");
        }
        if (details.email() != null && !details.email().isBlank() && !Formats.isMbox("mailto:" + details.email().trim())) {
            throw new RosterException("email: '" + details.email() + "' is not an email address");
        }
        checkRoles(details.roles());
        for (String account : details.accounts() == null ? List.<String>of() : details.accounts()) {
            int bar = account == null ? -1 : account.indexOf('|');
            if (bar <= 0 || bar == account.length() - 1 || !Formats.isIri(account.substring(0, bar))) {
                throw new RosterException("account: '" + account + "' must be homePage|name, e.g. https://moodle.clinic.example|42");
            }
        }
    }

    private void checkRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new RosterException("roles: at least one, from " + roleIds());
        }
        for (String role : roles) {
            if (role == null || catalogue.role(role).isEmpty()) {
                throw new RosterException("roles: '" + role + "' is not a role; use " + roleIds());
            }
        }
    }

    private List<String> roleIds() {
        return catalogue.roles().stream().map(r -> r.id()).toList();
    }

    /** The person's xAPI identities, with a placeholder when there is none yet. */
    private static List<String> identifiers(String id, PersonDetails details) {
        List<String> keys = identities(details);
        if (keys.isEmpty()) {
            // Every person needs a key in the unique identifier index; this one matches no statement.
            keys.add(syntheticIdentifier(id));
        }
        return keys;
    }

    /**
     * The xAPI identities details name: the email as mbox (as written and in lower case, so the roster matches however an
     * LMS capitalises it), accounts.
     */
    static List<String> identities(PersonDetails details) {
        List<String> keys = new ArrayList<>();
        if (details.email() != null && !details.email().isBlank()) {
            String written = details.email().trim();
            keys.add(AgentKey.ofEmail(written));
            String lower = AgentKey.ofEmail(written.toLowerCase(Locale.ROOT));
            if (!keys.contains(lower)) {
                keys.add(lower);
            }
        }
        for (String account : details.accounts() == null ? List.<String>of() : details.accounts()) {
            int bar = account.indexOf('|');
            keys.add(AgentKey.ofAccount(account.substring(0, bar), account.substring(bar + 1)));
        }
        return keys;
    }

    private static String syntheticIdentifier(String personId) {
        return "person|" + personId;
    }

    private static String normaliseEmail(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A roster change that cannot be made, with what to fix. */
    public static class RosterException extends RuntimeException {
        public RosterException(String message) {
            super(message);
        }
    }
}
