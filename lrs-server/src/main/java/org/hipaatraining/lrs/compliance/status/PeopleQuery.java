package org.hipaatraining.lrs.compliance.status;

import org.hipaatraining.lrs.compliance.roster.Person;

/**
 * What a people list shows: null fields match everyone.
 *
 * @param search       the start of a name, a word of it, an email or an employee id (any case, accents ignored)
 * @param state        people with at least one requirement in this state
 * @param location     where they work (a site or clinic), case and accents aside
 * @param personStatus active, on leave or departed
 */
public record PeopleQuery(String search, String role, ComplianceState state, String supervisor, String location,
                          Person.Status personStatus) {

    public static final PeopleQuery EVERYONE = new PeopleQuery(null, null, null, null, null, null);

    public PeopleQuery {
        search = blankToNull(search);
        role = blankToNull(role);
        supervisor = blankToNull(supervisor);
        location = blankToNull(location);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Where a page ended: the next page starts after this person. */
    public record Position(String sortKey, String personId) {
    }
}
