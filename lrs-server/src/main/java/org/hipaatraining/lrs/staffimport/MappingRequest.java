package org.hipaatraining.lrs.staffimport;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.core.JacksonException;

/**
 * A mapping as the API takes it:
 * {@code {"columns": {"NAME": "Full Name", "EMAIL": "Work Email", ...}, "dateOrder": "DAY_FIRST",
 * "titleRoles": {"Nurse": ["clinical"]}}}; every part optional.
 */
record MappingRequest(Map<String, String> columns, String dateOrder, Map<String, List<String>> titleRoles) {

    static MappingRequest parse(String json) {
        try {
            MappingRequest request = XapiJson.MAPPER.readValue(json, MappingRequest.class);
            if (request == null) {
                throw new StaffImport.InvalidMapping("mapping: must be a JSON object");
            }
            return request;
        } catch (JacksonException e) {
            throw new StaffImport.InvalidMapping("mapping: not the JSON of a mapping ({\"columns\": {\"NAME\": \"Full Name\"}, "
                    + "\"dateOrder\": \"MONTH_FIRST\", \"titleRoles\": {\"Nurse\": [\"clinical\"]}}): "
                    + e.getOriginalMessage());
        }
    }

    /** The request over a base mapping: what the request names replaces the base's. */
    ImportMapping over(ImportMapping base) {
        Map<Field, String> cols = new EnumMap<>(Field.class);
        if (columns != null) {
            columns.forEach((field, header) -> cols.put(field(field), header));
        } else {
            cols.putAll(base.columns());
        }
        DateOrder order = base.dateOrder();
        if (dateOrder != null && !dateOrder.isBlank()) {
            try {
                order = DateOrder.valueOf(dateOrder.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new StaffImport.InvalidMapping("dateOrder: '" + dateOrder + "' is not MONTH_FIRST or DAY_FIRST");
            }
        }
        Map<String, Set<String>> titles = new LinkedHashMap<>(base.titleRoles());
        if (titleRoles != null) {
            titleRoles.forEach((title, roles) -> titles.put(title, roles == null ? Set.of() : new LinkedHashSet<>(roles)));
        }
        return new ImportMapping(cols, order, titles);
    }

    private static Field field(String name) {
        try {
            return Field.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new StaffImport.InvalidMapping("columns: '" + name + "' is not a field; use " + List.of(Field.values()));
        }
    }
}
