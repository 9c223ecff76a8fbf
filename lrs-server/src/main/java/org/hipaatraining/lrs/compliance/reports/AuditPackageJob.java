package org.hipaatraining.lrs.compliance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A whole-practice or module audit package built in the background, a part at a time (250 people and at most
 * 2,000 lines of records), and kept for download as one zip of the parts with a manifest.
 *
 * @param moduleId    only this module, or null for every requirement
 * @param peopleTotal people on the roster when the job started (the parts list fewer: those in scope)
 * @param peopleDone  people worked through so far: the progress shown on the page
 * @param owner       the server instance building it; another takes over if its lease runs out (a restart)
 */
public record AuditPackageJob(String id, String moduleId, LocalDate from, LocalDate to, String requestedBy, State state,
                              int peopleTotal, int peopleDone, List<Part> parts, Instant requestedAt, Instant finishedAt,
                              String error, String owner, Instant leaseUntil, long bytes, String sha256) {

    public enum State { QUEUED, RUNNING, READY, FAILED }

    /**
     * One PDF of the package.
     *
     * @param people people listed in it
     * @param first  the first listed person's name, {@code last} the last's: where to look for someone
     */
    public record Part(String file, int people, String first, String last, long bytes, String sha256) {
    }

    public int percent() {
        return peopleTotal == 0 ? (state == State.READY ? 100 : 0) : Math.min(100, 100 * peopleDone / peopleTotal);
    }

    public boolean ready() {
        return state == State.READY;
    }

    public boolean working() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    public ReportPeriod period() {
        return ReportPeriod.of(from, to, to);
    }

    /** The download's file name: what it covers and for when. */
    public String fileName() {
        return "hipaa-training-audit-" + (moduleId == null ? "practice" : moduleId) + "-" + period().label() + ".zip";
    }
}
