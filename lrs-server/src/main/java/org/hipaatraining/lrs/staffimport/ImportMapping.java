package org.hipaatraining.lrs.staffimport;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How to read a staff list: which column (by its header) is which field, how its dates are written, and which
 * training roles each job title gets. Kept after an import, so the next file from the same export, or a scheduled
 * import through the API, is read the same way.
 *
 * @param columns    field to header, for the fields the file has
 * @param dateOrder  for dates such as 03/04/2026; null when the file's dates do not need it
 * @param titleRoles job title (as written) to role ids
 */
public record ImportMapping(Map<Field, String> columns, DateOrder dateOrder, Map<String, Set<String>> titleRoles) {

    public ImportMapping {
        EnumMap<Field, String> byField = new EnumMap<>(Field.class);
        if (columns != null) {
            columns.forEach((field, header) -> {
                if (field != null && header != null && !header.isBlank()) {
                    byField.put(field, header);
                }
            });
        }
        columns = java.util.Collections.unmodifiableMap(byField);
        titleRoles = titleRoles == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(titleRoles));
    }

    public String column(Field field) {
        return columns.get(field);
    }

    public boolean has(Field field) {
        return columns.containsKey(field);
    }
}
