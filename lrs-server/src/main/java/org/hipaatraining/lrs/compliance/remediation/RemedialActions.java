package org.hipaatraining.lrs.compliance.remediation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.springframework.stereotype.Service;

/** Recording remedial actions, with the checks the API and the admin pages share. */
@Service
public class RemedialActions {

    private final RemedialActionStore store;
    private final ComplianceService compliance;
    private final Catalogue catalogue;
    private final Clock clock;

    RemedialActions(RemedialActionStore store, ComplianceService compliance, Catalogue catalogue, Clock clock) {
        this.store = store;
        this.compliance = compliance;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Records what was done for a person, optionally about a module, on a day (today when null, never in the future).
     *
     * @throws ComplianceService.NotFound when there is no such person
     * @throws ComplianceException        naming the field to fix
     */
    public RemedialAction record(String personId, String moduleId, LocalDate date, String action, String recordedBy) {
        return record(personId, moduleId, date, null, action, recordedBy);
    }

    /**
     * Records a remedial action of a kind (retraining, coaching, a sanction); the kind may be null where the recorder
     * was not asked (the API and admin page before it was added).
     */
    public RemedialAction record(String personId, String moduleId, LocalDate date, RemedialAction.Kind kind, String action,
                                 String recordedBy) {
        compliance.person(personId);
        if (action == null || action.isBlank() || action.length() > 2000) {
            throw new ComplianceException("action: say what was done in up to 2000 characters, e.g. 'reviewed phishing lesson one-to-one'");
        }
        String module = moduleId == null || moduleId.isBlank() ? null : moduleId;
        if (module != null && catalogue.module(module).isEmpty()) {
            throw new ComplianceException("moduleId: '" + module + "' is not in the catalogue");
        }
        LocalDate day = date == null ? compliance.today() : date;
        if (day.isAfter(compliance.today())) {
            throw new ComplianceException("date: cannot be in the future");
        }
        return store.insert(new RemedialAction(UUID.randomUUID().toString(), personId, module, day, kind, action.trim(),
                recordedBy, clock.instant()));
    }

    public List<RemedialAction> forPerson(String personId) {
        return store.forPerson(personId);
    }

    /** Actions dated from {@code from} up to and including {@code to}. */
    public List<RemedialAction> between(LocalDate from, LocalDate to) {
        return store.between(from, to.plusDays(1));
    }
}
