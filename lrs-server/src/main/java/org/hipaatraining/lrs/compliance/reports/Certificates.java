package org.hipaatraining.lrs.compliance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.PracticeProfileSource;
import org.hipaatraining.lrs.compliance.events.EventType;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.events.TrainingEventStore;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.PracticeProfile;
import org.hipaatraining.lrs.system.ServerSettings;
import org.springframework.stereotype.Service;

/**
 * Completion certificates. A certificate is the statement that recorded a passing or satisfying result, so its id is
 * the statement id and anyone can check it at {@code /verify/{statementId}}: it is valid while that statement counts
 * as training (a voided statement's record is gone, so its certificate no longer verifies).
 */
@Service
public class Certificates {

    /** The mapping rule of a waiver: the requirement was met without the training, so there is nothing to certify. */
    private static final String WAIVED_RULE = "waived";

    private final TrainingEventStore events;
    private final RosterService roster;
    private final Catalogue catalogue;
    private final PracticeProfileSource practice;
    private final ServerSettings server;
    private final PdfRenderer renderer;

    Certificates(TrainingEventStore events, RosterService roster, Catalogue catalogue, PracticeProfileSource practice,
                 ServerSettings server, PdfRenderer renderer) {
        this.events = events;
        this.roster = roster;
        this.catalogue = catalogue;
        this.practice = practice;
        this.server = server;
        this.renderer = renderer;
    }

    /**
     * @param personId the roster entry, when the learner is on the roster
     * @param scaled   the knowledge-check score, when the statement carries one
     * @param practice the practice issuing it, with its officers, as set up now
     */
    public record Certificate(String id, String personId, String name, String moduleId, String moduleTitle,
                              String moduleVersion, LocalDate date, Instant timestamp, Double scaled, PracticeProfile practice,
                              String verifyUrl) {

        public String score() {
            return scaled == null ? null : ReportFormat.percent(scaled) + "%";
        }
    }

    /** The certificate of a statement, if it recorded training that counts. */
    public Optional<Certificate> find(String statementId) {
        if (statementId == null || statementId.isBlank() || statementId.length() > 64) {
            return Optional.empty();
        }
        return events.find(statementId).filter(Certificates::certifies).map(this::certificate);
    }

    public byte[] pdf(Certificate certificate) {
        return renderer.render("certificate", Map.of("certificate", certificate));
    }

    public String verifyUrl(String statementId) {
        return server.base() + "/verify/" + statementId;
    }

    /** Whether an event is training that counts and was taken (not waived), so it has a certificate. */
    public static boolean certifies(TrainingEvent event) {
        return event.satisfies() && event.type() != EventType.FAILED && event.type() != EventType.STARTED
                && !WAIVED_RULE.equals(event.rule());
    }

    private Certificate certificate(TrainingEvent event) {
        Optional<Person> person = roster.byIdentity(event.agentKey());
        PracticeProfile profile = practice.current();
        String name = person.map(Person::name).orElse(event.actorName() == null ? "(name not recorded)" : event.actorName());
        return new Certificate(event.statementId(), person.map(Person::id).orElse(null), name, event.moduleId(),
                catalogue.module(event.moduleId()).map(Module::title).orElse(event.moduleId()), event.moduleVersion(),
                LocalDate.ofInstant(event.timestamp(), profile.timeZone()), event.timestamp(), event.scaled(), profile,
                verifyUrl(event.statementId()));
    }
}
