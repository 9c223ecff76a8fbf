package org.hipaatraining.lrs.policies;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Policies;
import org.hipaatraining.content.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The practice's policy documents: the catalogue's model policies until the practice publishes its own version of one,
 * then the newest version it published. Every version is kept, the model texts too (recorded the first time this LRS
 * serves them), so an acknowledgement's SHA-256 can be checked against the text of the version it names for as long
 * as the records are kept. Read from the store on each use, so every instance serves a new version at once.
 */
@Service
public class PracticePolicies {

    private static final Logger log = LoggerFactory.getLogger(PracticePolicies.class);
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern YEAR_VERSION = Pattern.compile("(\\d{4})\\.(\\d+)");
    static final int MAX_TITLE = 200;

    private final Catalogue catalogue;
    private final PolicyVersionStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PracticePolicies(Catalogue catalogue, PolicyVersionStore store, ApplicationEventPublisher events, Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The policies packages are built with, and a key that changes whenever one of them does (a version's text never
     * changes, so the ids and versions identify the texts).
     */
    public record Current(Policies policies, String key) {
    }

    /** What an admin typed: the new version's title, version, effective date, and text in Markdown or HTML. */
    public record Draft(String title, String version, String effectiveDate, String format, String text) {
    }

    /**
     * A draft made ready to publish.
     *
     * @param notices what the admin should know but that does not stop publication (a cited section is missing)
     */
    public record Prepared(PolicyVersion version, List<String> notices) {
    }

    /** How an acknowledgement's SHA-256 compares with the text this LRS holds for the version it names. */
    public enum Check {
        MATCHES, DIFFERS, NOT_REPORTED, VERSION_UNKNOWN
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordModelTexts() {
        try {
            for (Policy model : catalogue.policies().all()) {
                store.insertIfAbsent(PolicyVersion.ofCatalogue(model, clock.instant()));
            }
        } catch (RuntimeException e) {
            // the model texts are still served from the catalogue; they are recorded at the next start
            log.warn("Could not record the catalogue's model policies in the policy history: {}", e.getMessage());
        }
    }

    /** The ids of the policies modules cite: the catalogue's, in its order. */
    public List<String> ids() {
        return catalogue.policies().all().stream().map(Policy::id).toList();
    }

    public Current current() {
        Map<String, PolicyVersion> current = currentVersions();
        Policies policies = new Policies(current.values().stream().map(PolicyVersion::policy).toList());
        StringBuilder key = new StringBuilder();
        current.values().forEach(v -> key.append(v.policyId()).append('@').append(v.version()).append(';'));
        return new Current(policies, key.toString());
    }

    /** Each policy's version in force, in the catalogue's order. */
    public Map<String, PolicyVersion> currentVersions() {
        Map<String, PolicyVersion> current = new LinkedHashMap<>();
        for (Policy model : catalogue.policies().all()) {
            current.put(model.id(), PolicyVersion.ofCatalogue(model, null));
        }
        List<PolicyVersion> stored = store.history(current.keySet());
        // newest first: the first practice version of each policy is its current one
        for (int i = stored.size() - 1; i >= 0; i--) {
            PolicyVersion version = stored.get(i);
            if (version.fromPractice()) {
                current.put(version.policyId(), version);
            }
        }
        return current;
    }

    public PolicyVersion currentVersion(String policyId) {
        requireKnown(policyId);
        return currentVersions().get(policyId);
    }

    /** Every version of a policy, newest first (the catalogue's model among them). */
    public List<PolicyVersion> history(String policyId) {
        Policy model = requireKnown(policyId);
        List<PolicyVersion> history = new ArrayList<>(store.history(List.of(policyId)));
        if (history.stream().noneMatch(v -> v.version().equals(model.version()))) {
            history.add(PolicyVersion.ofCatalogue(model, clock.instant()));
        }
        return history;
    }

    public Optional<PolicyVersion> version(String policyId, String version) {
        Optional<PolicyVersion> stored = store.find(policyId, version);
        if (stored.isPresent()) {
            return stored;
        }
        return catalogue.policy(policyId).filter(p -> p.version().equals(version)).map(p -> PolicyVersion.ofCatalogue(p, null));
    }

    /** The modules whose acknowledgement cites the policy. */
    public List<Module> modulesCiting(String policyId) {
        return catalogue.modules().stream()
                .filter(m -> m.attestation() != null && m.attestation().policyId().equals(policyId)).toList();
    }

    /** A version number to suggest for the next version: the year's next number ({@code 2027.2}), else nothing. */
    public String suggestedVersion(String policyId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> taken = history(policyId).stream().map(PolicyVersion::version).toList();
        Matcher current = YEAR_VERSION.matcher(currentVersion(policyId).version());
        int year = today.getYear();
        int next = current.matches() && Integer.parseInt(current.group(1)) >= year
                ? Integer.parseInt(current.group(2)) + 1 : 1;
        if (current.matches() && Integer.parseInt(current.group(1)) > year) {
            year = Integer.parseInt(current.group(1));
        }
        String suggestion = year + "." + next;
        for (int n = next + 1; taken.contains(suggestion); n++) {
            suggestion = year + "." + n;
        }
        return suggestion;
    }

    /**
     * Checks and cleans a draft without storing it.
     *
     * @throws PolicyException naming the field that is wrong
     */
    public Prepared prepare(String policyId, Draft draft, String admin) {
        Policy model = requireKnown(policyId);
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            throw PolicyException.badInput("title: the policy's title is required");
        }
        if (title.length() > MAX_TITLE) {
            throw PolicyException.badInput("title: at most " + MAX_TITLE + " characters");
        }
        String version = draft.version() == null ? "" : draft.version().strip();
        if (!VERSION.matcher(version).matches()) {
            throw PolicyException.badInput("version: '" + version + "' must be 1-40 letters, digits, dots, hyphens or"
                    + " underscores, such as 2027.2");
        }
        List<PolicyVersion> history = history(policyId);
        if (history.stream().anyMatch(v -> v.version().equals(version))) {
            throw PolicyException.badInput("version: " + policyId + " " + version + " is already published; give the new"
                    + " text a new version, such as " + suggestedVersion(policyId));
        }
        LocalDate effective = effectiveDate(draft.effectiveDate());
        PolicyText.Format format = PolicyText.Format.of(draft.format());
        String html = PolicyText.toPolicyHtml(format, draft.text());
        PolicyVersion current = currentVersions().get(policyId);
        if (current.html().equals(html)) {
            throw PolicyException.badInput("text: the same as version " + current.version() + "; a new version needs a"
                    + " changed text");
        }
        PolicyVersion prepared = new PolicyVersion(model.id(), version, title, effective, html, format.id(), draft.text(),
                PolicyVersion.PRACTICE, admin, clock.instant());
        return new Prepared(prepared, notices(prepared));
    }

    /**
     * Publishes a new version: from now on packages and launches carry it, and the modules citing it get a material
     * release (their learners acknowledge the new text).
     */
    public Prepared publish(String policyId, Draft draft, String admin) {
        Prepared prepared = prepare(policyId, draft, admin);
        if (!store.insert(prepared.version())) {
            throw PolicyException.badInput("version: " + policyId + " " + prepared.version().version()
                    + " was published a moment ago by someone else");
        }
        log.info("Policy {} version {} published by {}", policyId, prepared.version().version(), admin);
        events.publishEvent(new PolicyPublished(prepared.version(), modulesCiting(policyId).stream().map(Module::id).toList(),
                admin));
        return prepared;
    }

    /** The SHA-256 of what a learner is shown for these sections of a version, if this LRS holds its text. */
    public Optional<String> expectedSha256(String policyId, String version, List<String> sections) {
        if (policyId == null || version == null) {
            return Optional.empty();
        }
        return version(policyId, version).map(v -> v.policy().excerpt(sections == null ? List.of() : sections).sha256());
    }

    public Check verify(String policyId, String version, List<String> sections, String sha256) {
        if (sha256 == null) {
            return Check.NOT_REPORTED;
        }
        return expectedSha256(policyId, version, sections).map(expected -> expected.equals(sha256) ? Check.MATCHES : Check.DIFFERS)
                .orElse(Check.VERSION_UNKNOWN);
    }

    private List<String> notices(PolicyVersion version) {
        List<String> notices = new ArrayList<>();
        List<String> sections = version.policy().sectionIds();
        for (Module module : modulesCiting(version.policyId())) {
            List<String> missing = module.attestation().sections().stream().filter(s -> !sections.contains(s)).toList();
            if (!missing.isEmpty()) {
                boolean none = missing.size() == module.attestation().sections().size();
                notices.add(module.title() + " cites the section" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + ", which this text does not have: its acknowledgement shows "
                        + (none ? "the whole policy." : "the other sections it cites."));
            }
        }
        return notices;
    }

    private static LocalDate effectiveDate(String text) {
        if (text == null || text.isBlank()) {
            throw PolicyException.badInput("effectiveDate: the date the version takes effect is required, e.g. 2027-03-01");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw PolicyException.badInput("effectiveDate: '" + text.strip() + "' must be a date such as 2027-03-01");
        }
    }

    private Policy requireKnown(String policyId) {
        return catalogue.policy(policyId).orElseThrow(() -> PolicyException.notFound("policyId: no policy '" + policyId
                + "'; the policies are " + String.join(", ", ids())));
    }
}
