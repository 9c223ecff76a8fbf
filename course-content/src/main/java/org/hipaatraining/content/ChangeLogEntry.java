package org.hipaatraining.content;

import java.time.LocalDate;

/**
 * One published version of a module.
 *
 * @param material true when the change alters what staff must do: it makes the module due again for every role taking
 *                 it (45 CFR 164.530(b)(2)(i)(C))
 */
public record ChangeLogEntry(String version, LocalDate date, boolean material, String summary) {
}
