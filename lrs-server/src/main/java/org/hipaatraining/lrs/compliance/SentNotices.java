package org.hipaatraining.lrs.compliance;

import java.util.Collection;
import java.util.List;

/**
 * The notices sent about people: evidence that the workforce was told, kept and deleted with their training records.
 * The notifications feature keeps the ledger and implements this, so the person page, audit packages and record
 * retention can use it without depending on that feature.
 */
public interface SentNotices {

    /** A person's notices (digests to them as supervisors included), newest first. */
    List<? extends SentNotice> ofPerson(String personId, int limit);

    /** Every notice about these people (digests to them as supervisors included), oldest first. */
    List<? extends SentNotice> about(Collection<String> personIds);

    /** Deletes the notices about these people; returns how many. */
    long forget(Collection<String> personIds);
}
