package org.hipaatraining.lrs.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.junit.jupiter.api.Test;

/**
 * A part of a large audit package is cut by lines of records as well as by people: 250 people with six years of
 * history each would not render within a 512 MB heap (the scale benchmark at 1,000,000 statements ran out of it).
 */
class AuditPackagePiecesTest {

    private static AuditPackage.PersonRecord withLines(String name, int statuses, int results) {
        Person person = new Person(name, null, name, null, List.of("person|" + name), List.of(), null, null,
                LocalDate.of(2024, 1, 1), List.of(), null, null);
        return new AuditPackage.PersonRecord(person, Person.Status.ACTIVE, List.of(), Collections.nCopies(statuses, null),
                Collections.nCopies(results, null), List.of(), 0, List.of());
    }

    private static List<List<String>> names(List<List<Person>> pieces) {
        return pieces.stream().map(piece -> piece.stream().map(Person::name).toList()).toList();
    }

    @Test
    void peopleAreGroupedUpToTheLineLimitInTheirOrder() {
        // lines: heading + statuses + results = 10, 10, 10, 5
        List<AuditPackage.PersonRecord> people = List.of(withLines("a", 4, 5), withLines("b", 4, 5), withLines("c", 4, 5),
                withLines("d", 4, 0));

        assertThat(names(AuditPackages.pieces(people, 20))).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(names(AuditPackages.pieces(people, 1000))).containsExactly(List.of("a", "b", "c", "d"));
    }

    @Test
    void aPersonWithMoreLinesThanTheLimitIsAPartAlone() {
        List<AuditPackage.PersonRecord> people = List.of(withLines("a", 1, 1), withLines("long", 8, 400), withLines("c", 1, 1));

        assertThat(names(AuditPackages.pieces(people, 100))).containsExactly(List.of("a"), List.of("long"), List.of("c"));
    }

    @Test
    void nobodyGivesNoParts() {
        assertThat(AuditPackages.pieces(List.of(), 100)).isEmpty();
    }
}
