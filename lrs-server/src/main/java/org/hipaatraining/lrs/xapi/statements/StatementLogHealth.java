package org.hipaatraining.lrs.xapi.statements;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the path from statement to training record: how many batches wait in the statement log and for how
 * long. A batch older than the limit means the records are not catching up (a consumer keeps failing, the store
 * refuses writes), and health turns red.
 */
@Component("statementLogHealthIndicator")
class StatementLogHealth extends AbstractHealthIndicator {

    private final StatementLogRecovery recovery;
    private final Duration limit;

    StatementLogHealth(StatementLogRecovery recovery, @Value("${lrs.health.statement-log-max-age:2m}") Duration limit) {
        super("The statement log cannot be read");
        this.recovery = recovery;
        this.limit = limit;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        StatementLogRecovery.Backlog backlog = recovery.backlog();
        (backlog.oldest().compareTo(limit) > 0 ? builder.down() : builder.up())
                .withDetail("unfinishedBatches", backlog.batches())
                .withDetail("oldestSeconds", backlog.oldest().toSeconds())
                .withDetail("limitSeconds", limit.toSeconds());
    }
}
