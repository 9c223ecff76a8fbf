package org.hipaatraining.lrs.staffimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DateOrderTest {

    @Test
    void datesThatSayTheirOrderAreReadWithoutOne() {
        assertThat(DateOrder.parse("2026-03-15", null)).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(DateOrder.parse("15.03.2026", null)).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(DateOrder.parse("3.4.2026", null)).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(DateOrder.parse("15/03/2026", null)).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(DateOrder.parse("03/15/2026", null)).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(DateOrder.parse("04/04/26", null)).isEqualTo(LocalDate.of(2026, 4, 4));
        assertThat(DateOrder.parse("4-Mar-2026", null)).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(DateOrder.parse("March 4, 2026", null)).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void anAmbiguousDateNeedsTheOrderAndSaysBothReadings() {
        assertThatThrownBy(() -> DateOrder.parse("03/04/2026", null)).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("March 4, 2026").hasMessageContaining("April 3, 2026");
        assertThat(DateOrder.parse("03/04/2026", DateOrder.MONTH_FIRST)).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(DateOrder.parse("03/04/2026", DateOrder.DAY_FIRST)).isEqualTo(LocalDate.of(2026, 4, 3));
    }

    @Test
    void theOtherDatesOfAFileDecideItsOrder() {
        assertThat(DateOrder.evidence(List.of("03/04/2026", "25/12/2025"))).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(DateOrder.evidence(List.of("03/04/2026", "12/25/2025"))).isEqualTo(DateOrder.MONTH_FIRST);
        assertThat(DateOrder.evidence(List.of("03/04/2026", "15.03.2026", "2026-01-31"))).isNull();
        assertThat(DateOrder.anyAmbiguous(List.of("15.03.2026", "2026-01-31", "05/05/2026"))).isFalse();
        assertThat(DateOrder.anyAmbiguous(List.of("03/04/2026"))).isTrue();
    }

    @Test
    void notADateIsNamed() {
        assertThatThrownBy(() -> DateOrder.parse("31/02/2026", DateOrder.DAY_FIRST)).hasMessageContaining("'31/02/2026' is not a date");
        assertThatThrownBy(() -> DateOrder.parse("soon", null)).hasMessageContaining("'soon' is not a date");
    }
}
