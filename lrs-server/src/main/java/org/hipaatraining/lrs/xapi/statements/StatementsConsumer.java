package org.hipaatraining.lrs.xapi.statements;

import java.util.List;

/**
 * A feature that must apply every stored statement exactly as if once (the compliance records). The LRS calls each
 * consumer, in {@link org.springframework.core.annotation.Order}, right after a batch is stored and before it answers;
 * a batch is only finished when every consumer has returned, so one that throws (its database was away) gets the
 * batch again from {@link StatementLogRecovery}, after a crash too. Consumers must therefore be idempotent, and
 * must not throw for a statement they cannot use: they record it and go on.
 */
public interface StatementsConsumer {

    /**
     * @param statements    new statements of one batch, in the order stored
     * @param launchSession the cmi5 launch session that wrote them, or null
     */
    void apply(List<StoredStatement> statements, String launchSession);
}
