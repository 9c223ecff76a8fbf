package org.hipaatraining.lrs.compliance.events;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Statements the compliance records set aside: counted in health so that monitoring sees them, without turning it red
 * (they block nothing; an admin reviews them on the records page).
 */
@Component("trainingRecordsHealthIndicator")
class ProjectionErrorsHealth extends AbstractHealthIndicator {

    private final ProjectionErrors errors;

    ProjectionErrorsHealth(ProjectionErrors errors) {
        super("The compliance records cannot be read");
        this.errors = errors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("statementsSetAside", errors.count());
    }
}
