package org.hipaatraining.lrs.practice;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import java.util.Optional;

import org.bson.Document;
import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import org.hipaatraining.lrs.compliance.PracticeProfile;
import org.hipaatraining.lrs.compliance.PracticeProfileSource;
import org.hipaatraining.lrs.compliance.requirements.OnboardingWindow;
import org.hipaatraining.lrs.compliance.requirements.PracticeOnboarding;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The practice's profile: the one an admin saved on the set-up page, else {@link PracticeDefaults} from properties.
 * One small document read on each use, so every server instance shows a change at once.
 */
@Service
public class PracticeProfiles implements DeclaresIndexes, PracticeOnboarding, PracticeProfileSource {

    static final String COLLECTION = "practice_profile";
    private static final String ID = "practice";
    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 300;

    private final MongoTemplate mongo;
    private final PracticeDefaults defaults;
    private final RosterService roster;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    PracticeProfiles(MongoTemplate mongo, PracticeDefaults defaults, RosterService roster, Clock clock,
                     ApplicationEventPublisher changes) {
        this.mongo = mongo;
        this.changes = changes;
        this.defaults = defaults;
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(); // one document, read by _id
    }

    /** The profile in effect now. */
    @Override
    public PracticeProfile current() {
        Document stored = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
        return stored == null ? defaults.profile() : fromDocument(stored);
    }

    /**
     * The onboarding window new hires' due dates use: the saved profile's, else the one {@code lrs.practice.*} sets;
     * none while neither chose one, so the roles' own onboarding days (the catalogue's, or the practice's overrides)
     * keep applying on an install nobody has set up.
     */
    @Override
    public Optional<OnboardingWindow> window() {
        Document stored = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
        if (stored == null && !defaults.choosesOnboardingWindow()) {
            return Optional.empty();
        }
        PracticeProfile profile = stored == null ? defaults.profile() : fromDocument(stored);
        return Optional.of(new OnboardingWindow(profile.onboardingWindowDays(), profile.trainingBeforeAccess()));
    }

    /**
     * Checks and stores a profile (its {@code savedAt} and {@code savedBy} are set here). An officer given by roster
     * person id takes the person's name and email where the profile leaves them empty.
     *
     * @throws InvalidProfile naming the field to fix
     */
    public PracticeProfile save(PracticeProfile profile, String savedBy) {
        List<String> problems = new ArrayList<>();
        String name = trimmed(profile.name());
        if (name == null) {
            problems.add("name: required (the practice's name as certificates should show it)");
        } else if (name.length() > MAX_NAME) {
            problems.add("name: at most " + MAX_NAME + " characters");
        }
        String address = trimmed(profile.addressLine());
        if (address != null && address.length() > MAX_ADDRESS) {
            problems.add("addressLine: at most " + MAX_ADDRESS + " characters");
        }
        PracticeProfile.Officer privacy = officer("privacyOfficer", profile.privacyOfficer(), problems);
        PracticeProfile.Officer security = officer("securityOfficer", profile.securityOfficer(), problems);
        if (profile.onboardingWindowDays() < 1 || profile.onboardingWindowDays() > 365) {
            problems.add("onboardingWindowDays: between 1 and 365, was " + profile.onboardingWindowDays());
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfile(problems);
        }
        PracticeProfile saved = new PracticeProfile(name, address, privacy, security,
                profile.timeZone() == null ? ZoneId.of("UTC") : profile.timeZone(), profile.trainingBeforeAccess(),
                profile.onboardingWindowDays(), clock.instant().truncatedTo(ChronoUnit.MILLIS), savedBy); // as stored
        Optional<OnboardingWindow> before = window();
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", ID), toDocument(saved),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        if (!before.equals(window())) {
            // every new hire's due dates depend on it: recompute everyone's statuses (in the background, in batches)
            changes.publishEvent(ComplianceInputsChanged.forEveryone());
        }
        return saved;
    }

    /** A time zone as typed ("America/Chicago"), or the field's error. */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new InvalidProfile(List.of("timeZone: '" + id + "' is not a time zone (use a name such as America/Chicago)"));
        }
    }

    private PracticeProfile.Officer officer(String field, PracticeProfile.Officer officer, List<String> problems) {
        if (officer == null) {
            return null;
        }
        String personId = trimmed(officer.personId());
        String name = trimmed(officer.name());
        String email = trimmed(officer.email());
        if (personId != null) {
            Person person = roster.find(personId).orElse(null);
            if (person == null) {
                problems.add(field + ".personId: no one on the roster has the id '" + personId + "'");
                return null;
            }
            name = name == null ? person.name() : name;
            email = email == null ? person.email() : email;
        }
        if (name == null && email == null) {
            return null; // not named yet
        }
        if (name == null) {
            problems.add(field + ".name: required with an email");
        } else if (name.length() > MAX_NAME) {
            problems.add(field + ".name: at most " + MAX_NAME + " characters");
        }
        if (email != null && !Formats.isMbox("mailto:" + email)) {
            problems.add(field + ".email: '" + email + "' is not an email address");
        }
        return new PracticeProfile.Officer(name, email, personId);
    }

    private static Document toDocument(PracticeProfile p) {
        return new Document("_id", ID).append("name", p.name()).append("addressLine", p.addressLine())
                .append("privacyOfficer", officerDocument(p.privacyOfficer()))
                .append("securityOfficer", officerDocument(p.securityOfficer()))
                .append("timeZone", p.timeZone().getId()).append("trainingBeforeAccess", p.trainingBeforeAccess())
                .append("onboardingWindowDays", p.onboardingWindowDays())
                .append("savedAt", Date.from(p.savedAt())).append("savedBy", p.savedBy());
    }

    private static Document officerDocument(PracticeProfile.Officer o) {
        return o == null ? null : new Document("name", o.name()).append("email", o.email()).append("personId", o.personId());
    }

    private PracticeProfile fromDocument(Document d) {
        ZoneId zone;
        try {
            zone = ZoneId.of(d.getString("timeZone"));
        } catch (RuntimeException e) {
            zone = defaults.timeZone(); // a zone this JVM's rules no longer know
        }
        Date savedAt = d.getDate("savedAt");
        return new PracticeProfile(d.getString("name"), d.getString("addressLine"),
                officerFrom(d.get("privacyOfficer", Document.class)), officerFrom(d.get("securityOfficer", Document.class)),
                zone, Boolean.TRUE.equals(d.getBoolean("trainingBeforeAccess")),
                d.getInteger("onboardingWindowDays", PracticeProfile.WINDOW_DAYS),
                savedAt == null ? null : savedAt.toInstant(), d.getString("savedBy"));
    }

    private static PracticeProfile.Officer officerFrom(Document o) {
        return o == null ? null : new PracticeProfile.Officer(o.getString("name"), o.getString("email"), o.getString("personId"));
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A profile that cannot be saved, with every field to fix. */
    public static class InvalidProfile extends RuntimeException {

        private final List<String> problems;

        public InvalidProfile(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
