package org.hipaatraining.lrs.reports.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A period of days reads whole months from the month counters and the partial months at its ends from the day ones. */
class InsightsRangesTest {

    private static String ranges(String from, String to) {
        return InsightsService.ranges(LocalDate.parse(from), LocalDate.parse(to)).toString();
    }

    @Test
    void wholeMonthsReadMonthCountersAndPartialMonthsDayCounters() {
        assertThat(ranges("2026-01-01", "2026-12-31")).isEqualTo("[Range[period=month, from=2026-01, to=2026-12]]");
        assertThat(ranges("2026-02-01", "2026-02-28")).isEqualTo("[Range[period=month, from=2026-02, to=2026-02]]");
        assertThat(ranges("2026-02-03", "2026-02-03")).isEqualTo("[Range[period=day, from=2026-02-03, to=2026-02-03]]");
        assertThat(ranges("2026-01-15", "2026-04-10")).isEqualTo("[Range[period=day, from=2026-01-15, to=2026-01-31], "
                + "Range[period=day, from=2026-04-01, to=2026-04-10], Range[period=month, from=2026-02, to=2026-03]]");
        assertThat(ranges("2026-01-15", "2026-02-10")).isEqualTo("[Range[period=day, from=2026-01-15, to=2026-01-31], "
                + "Range[period=day, from=2026-02-01, to=2026-02-10]]");
        assertThat(ranges("2026-01-01", "2026-02-10")).isEqualTo("[Range[period=day, from=2026-02-01, to=2026-02-10], "
                + "Range[period=month, from=2026-01, to=2026-01]]");
    }
}
