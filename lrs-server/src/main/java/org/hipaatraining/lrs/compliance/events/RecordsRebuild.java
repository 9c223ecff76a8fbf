package org.hipaatraining.lrs.compliance.events;

import org.springframework.stereotype.Service;

/**
 * Recreates the training events from the statements alone: the statements are the source of truth, so an admin can
 * rebuild after changing mapping rules or activity mappings, and a test can check the rebuild gives the same records.
 */
@Service
public class RecordsRebuild {

    private final TrainingEventStore events;
    private final RecordsCatchUp catchUp;

    RecordsRebuild(TrainingEventStore events, RecordsCatchUp catchUp) {
        this.events = events;
        this.catchUp = catchUp;
    }

    /** Returns the number of statements read. Statements stored meanwhile are applied by this run or the next catch-up. */
    public synchronized long rebuild() {
        events.deleteEverything();
        return catchUp.walkFrom(CatchUpCheckpoint.Position.START);
    }
}
