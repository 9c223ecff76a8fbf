package org.hipaatraining.lrs.compliance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.RecordRetention;

/**
 * The days a report covers, both included, in UTC (the zone training events are dated in). Without a start it covers
 * the retention period: six years back, everything an auditor may ask for.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new ComplianceException("from: " + from + " is after to: " + to);
        }
    }

    public static ReportPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to == null ? today : to;
        return new ReportPeriod(from == null ? end.minusYears(RecordRetention.YEARS) : from, end);
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** For file names: {@code 2026-01-01-to-2026-12-31}. */
    public String label() {
        return from + "-to-" + to;
    }
}
