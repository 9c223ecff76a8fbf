package org.hipaatraining.lrs.compliance.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.hipaatraining.content.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;

/**
 * The strict roster CSV import, without a server: the real {@link RosterService} and catalogue roles over a
 * hand-written in-memory {@link PersonStore} that keeps the unique index on identities.
 */
class RosterImportTest {

    private static final Catalogue CATALOGUE = Catalogue.loadDefault();
    private static final LocalDate EFFECTIVE = LocalDate.parse("2027-01-20");
    private static final String HEADER = "employee_id,name,email,roles,hire_date,supervisor,status,accounts,location\n";

    private final FakePeople people = new FakePeople();
    private final List<Object> published = new ArrayList<>();
    private final RosterService roster = new RosterService(people, CATALOGUE,
            Clock.fixed(Instant.parse("2027-01-20T09:00:00Z"), ZoneOffset.UTC), published::add);
    private final RosterImport importer = new RosterImport(roster);

    /** People in a map; like the Mongo collection's unique index, an identity belongs to one person. */
    static final class FakePeople extends PersonStore {
        final Map<String, Person> byId = new LinkedHashMap<>();

        FakePeople() {
            super(null);
        }

        @Override
        public Optional<Person> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Person> byIdentifier(String agentKey) {
            return byId.values().stream().filter(p -> p.identifiers().contains(agentKey)).findFirst();
        }

        @Override
        public List<Person> byIdentifiers(Collection<String> agentKeys) {
            return byId.values().stream().filter(p -> p.identifiers().stream().anyMatch(agentKeys::contains)).toList();
        }

        @Override
        public List<Person> byIds(Collection<String> ids) {
            return byId.values().stream().filter(p -> ids.contains(p.id())).toList();
        }

        @Override
        public Optional<Person> byEmployeeId(String employeeId) {
            return byId.values().stream().filter(p -> employeeId.equals(p.employeeId())).findFirst();
        }

        @Override
        public List<Person> all() {
            return byId.values().stream().sorted(Comparator.comparing(Person::name)).toList();
        }

        @Override
        public void delete(String id) {
            byId.remove(id);
        }

        @Override
        public Person save(Person person) {
            for (Person other : byId.values()) {
                if (!other.id().equals(person.id()) && other.identifiers().stream().anyMatch(person.identifiers()::contains)) {
                    throw new DuplicateKeyException("E11000 duplicate key error collection: people index: identifiers_1");
                }
            }
            byId.put(person.id(), person);
            return person;
        }
    }

    private RosterImport.Result run(String csv) {
        return importer.importCsv(new StringReader(csv), EFFECTIVE);
    }

    private Person person(String email) {
        return people.byIdentifier("mbox|mailto:" + email).orElseThrow(() -> new AssertionError("no person " + email));
    }

    private static void assertImported(RosterImport.Result result, int created, int updated, int unchanged) {
        assertThat(result.errors()).isEmpty();
        assertThat(List.of(result.created(), result.updated(), result.unchanged())).as("created, updated, unchanged")
                .containsExactly(created, updated, unchanged);
    }

    private void assertNothingImported(RosterImport.Result result) {
        assertThat(result.created() + result.updated() + result.unchanged()).isZero();
        assertThat(people.byId).as("nothing saved").isEmpty();
    }

    // ---- the export's columns

    @Test
    void theDocumentedExampleCreatesEveryoneWithEveryColumn() {
        RosterImport.Result result = run(HEADER
                + "1001,Ana Reyes,ana.reyes@clinic.example,front-desk,2026-03-02,Maria Lopez,active,,Main Street\n"
                + "1002,Ben Carter,Ben.Carter@Clinic.example,clinical;everyone,03/15/2026,Maria Lopez,on leave,"
                + "https://moodle.clinic.example|57,North Clinic\n");
        assertImported(result, 2, 0, 0);

        Person ana = person("ana.reyes@clinic.example");
        assertThat(ana.employeeId()).isEqualTo("1001");
        assertThat(ana.name()).isEqualTo("Ana Reyes");
        assertThat(ana.rolesOn(EFFECTIVE)).containsExactly("front-desk");
        assertThat(ana.roleSince("front-desk", EFFECTIVE)).as("roles start at hire").isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(ana.hireDate()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(ana.supervisor()).isEqualTo("Maria Lopez");
        assertThat(ana.location()).isEqualTo("Main Street");
        assertThat(ana.statusOn(EFFECTIVE)).isEqualTo(Person.Status.ACTIVE);

        Person ben = person("ben.carter@clinic.example");
        assertThat(ben.email()).as("kept in lower case").isEqualTo("ben.carter@clinic.example");
        assertThat(ben.identifiers()).contains("mbox|mailto:Ben.Carter@clinic.example", "mbox|mailto:ben.carter@clinic.example",
                "account|https://moodle.clinic.example|57");
        assertThat(ben.rolesOn(EFFECTIVE)).containsExactlyInAnyOrder("clinical", "everyone");
        assertThat(ben.hireDate()).isEqualTo(LocalDate.parse("2026-03-15"));
        assertThat(ben.statusOn(EFFECTIVE)).isEqualTo(Person.Status.ON_LEAVE);
        assertThat(published).as("a change event per saved person").hasSize(2);
    }

    @Test
    void headerNamesAreCaseSpaceAndPunctuationInsensitiveAndInAnyOrder() {
        assertImported(run("Roles, E-Mail ,FULL NAME?,Name,Hire Date,Employee ID\n"
                + "billing,cy@clinic.example,ignored,Cy Young,2026-05-01,77\n"), 1, 0, 0);
        Person cy = person("cy@clinic.example");
        assertThat(cy.name()).isEqualTo("Cy Young");
        assertThat(cy.employeeId()).isEqualTo("77");
        assertThat(cy.hireDate()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(cy.rolesOn(EFFECTIVE)).containsExactly("billing");
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource(delimiter = '|', value = {"name|email,roles", "email|name,roles", "roles|name,email"})
    void aMissingRequiredColumnIsTheOnlyError(String missing, String header) {
        RosterImport.Result result = run(header + "\nx,y\n");
        assertThat(result.errors()).containsExactly("the header must have a '" + missing + "' column (found "
                + List.of(header.split(",")) + ")");
        assertNothingImported(result);
    }

    @Test
    void anEmptyFileNamesTheMissingColumn() {
        assertThat(run("").errors()).singleElement().asString().contains("the header must have a 'name' column");
    }

    // ---- CSV syntax

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        assertImported(run("name,email,roles,supervisor,location\n"
                + "\"Reyes, Ana\",ana@clinic.example,\"front-desk, clinical\",\"Maria \"\"Mimi\"\" Lopez\",\"Main Street\nSuite 2\"\n"),
                1, 0, 0);
        Person ana = person("ana@clinic.example");
        assertThat(ana.name()).isEqualTo("Reyes, Ana");
        assertThat(ana.rolesOn(EFFECTIVE)).as("',' separates roles too").containsExactlyInAnyOrder("front-desk", "clinical");
        assertThat(ana.supervisor()).isEqualTo("Maria \"Mimi\" Lopez");
        assertThat(ana.location()).isEqualTo("Main Street\nSuite 2");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() {
        assertImported(run("\uFEFFname,email,roles\r\nAna Reyes,ana@clinic.example,everyone\r\n"), 1, 0, 0);
        assertImported(run("\uFEFF\"name\",\"email\",\"roles\"\nBen,ben@clinic.example,everyone\n"), 1, 0, 0);
        assertThat(person("ben@clinic.example").name()).isEqualTo("Ben");
    }

    @Test
    void blankLinesAndSurroundingSpacesAreIgnored() {
        assertImported(run("name,email,roles\n\n  Ana Reyes  ,  ana@clinic.example , everyone \n\n\nBen,ben@clinic.example,it\n\n"),
                2, 0, 0);
        assertThat(person("ana@clinic.example").name()).isEqualTo("Ana Reyes");
    }

    static Stream<Arguments> badQuotes() {
        return Stream.of(
                Arguments.of("a quote never closed", "name,email,roles\nAna,ana@clinic.example,everyone\n\"Ben,ben@clinic.example,everyone\n"),
                Arguments.of("text after a closing quote",
                        "name,email,roles\nAna,ana@clinic.example,everyone\n\"Ben\" Carter,ben@clinic.example,everyone\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQuotes")
    void badQuotesAreAnErrorNamingTheLineNotAnException(String why, String csv) {
        RosterImport.Result result = run(csv);
        assertThat(result.errors()).singleElement().asString()
                .startsWith("not a CSV file this importer can read: ")
                .containsPattern("line:? 3")
                .contains("must be in double quotes, and a quote inside it doubled");
        assertNothingImported(result);
    }

    @Test
    void aReaderThatFailsIsNotBlamedOnTheFile() {
        Reader failing = new Reader() {
            private boolean header;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (!header) {
                    header = true;
                    "name,email,roles\nAna,".getChars(0, 21, buffer, offset);
                    return 21;
                }
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> importer.importCsv(failing, EFFECTIVE)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk gone");
    }

    // ---- row checks: every error reported with its line, and then nothing is imported

    @Test
    void everyRowErrorIsReportedWithItsLine() {
        RosterImport.Result result = run(HEADER
                + ",,nobody@clinic.example,everyone,,,,,\n"
                + "1002,Ben,ben@clinic.example,,,,,,\n"
                + "1003,Cy,cy@clinic.example,it,31/12/2026,,,,\n"
                + "1004,Di,di@clinic.example,it,,,fired,,\n"
                + "1005,Ed,ed@clinic.example,it,,,,,\n");
        assertThat(result.errors()).containsExactly(
                "line 2: name: empty",
                "line 3: roles: empty (use role ids such as front-desk;clinical)",
                "line 4: hire_date: '31/12/2026' is not a date (use 2026-03-01 or 03/01/2026)",
                "line 5: status: 'fired' is not active, on leave or departed");
        assertNothingImported(result);
    }

    @Test
    void aRowShorterThanTheHeaderLacksItsLastColumns() {
        assertThat(run("name,email,roles\nAna,ana@clinic.example\n").errors()).containsExactly("line 2: roles: empty (use "
                + "role ids such as front-desk;clinical)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-03-02", "3/2/2026", "03/02/2026", "3/2/26"})
    void hireDatesAreIsoOrUsMonthFirst(String written) {
        assertImported(run("name,email,roles,hire_date\nAna,ana@clinic.example,everyone," + written + "\n"), 1, 0, 0);
        assertThat(person("ana@clinic.example").hireDate()).isEqualTo(LocalDate.parse("2026-03-02"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "13/01/2026", "02.03.2026", "March 2, 2026", "2026/03/02"})
    void otherDatesAreRefused(String written) {
        assertThat(run("name,email,roles,hire_date\nAna,ana@clinic.example,everyone,\"" + written + "\"\n").errors())
                .containsExactly("line 2: hire_date: '" + written + "' is not a date (use 2026-03-01 or 03/01/2026)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"active, ACTIVE", "On Leave, ON_LEAVE", "on-leave, ON_LEAVE", "on_leave, ON_LEAVE", "DEPARTED, DEPARTED"})
    void statusesAreReadLeniently(String written, Person.Status status) {
        assertImported(run("name,email,roles,status\nAna,ana@clinic.example,everyone," + written + "\n"), 1, 0, 0);
        assertThat(person("ana@clinic.example").statusOn(EFFECTIVE)).isEqualTo(status);
    }

    @Test
    void roleNamesAreLowerCasedWithDashes() {
        assertImported(run("name,email,roles\nAna,ana@clinic.example,Front Desk; BILLING\n"), 1, 0, 0);
        assertThat(person("ana@clinic.example").rolesOn(EFFECTIVE)).containsExactlyInAnyOrder("front-desk", "billing");
    }

    @Test
    void anUnknownRoleIsAnErrorAndNothingIsImported() {
        RosterImport.Result result = run("name,email,roles\nAna,ana@clinic.example,everyone\nBen,ben@clinic.example,surgeon\n");
        assertThat(result.errors()).singleElement().asString().startsWith("line 3: roles: 'surgeon' is not a role; use [");
        assertNothingImported(result);
    }

    @Test
    void aMalformedEmailOrAccountIsAnErrorAndNothingIsImported() {
        RosterImport.Result result = run("name,email,roles,accounts\nAna,ana@clinic.example,everyone,\n"
                + "Ben,not-an-email,everyone,\nCy,cy@clinic.example,everyone,moodle-57\n");
        assertThat(result.errors()).containsExactly("line 3: email: 'not-an-email' is not an email address",
                "line 4: account: 'moodle-57' must be homePage|name, e.g. https://moodle.clinic.example|42");
        assertNothingImported(result);
    }

    @Test
    void theSameEmailOrEmployeeIdTwiceInTheFileIsAnError() {
        RosterImport.Result emails = run("name,email,roles\nAna Reyes,ana@clinic.example,everyone\n"
                + "Ana Smith,ANA@clinic.example,billing\n");
        assertThat(emails.errors()).containsExactly("line 3: email: ana@clinic.example is also on line 2");
        assertNothingImported(emails);

        RosterImport.Result employeeIds = run("employee_id,name,email,roles\n1001,Ana,ana@clinic.example,everyone\n"
                + "1001,Ben,ben@clinic.example,everyone\n");
        assertThat(employeeIds.errors()).containsExactly("line 3: employee_id: 1001 is also on line 2");
        assertNothingImported(employeeIds);
    }

    @Test
    void rowErrorsNameThePhysicalLineAfterBlankLinesAndLineBreaksInQuotes() {
        RosterImport.Result result = run("name,email,roles,location\n\nAna,ana@clinic.example,everyone,\"Main Street\nSuite 2\"\n"
                + "\nBen,ben@clinic.example,surgeon,\n");
        assertThat(result.errors()).singleElement().asString().startsWith("line 6: roles: 'surgeon'");
        RosterImport.Result windows = run("\uFEFFname,email,roles\r\n\r\nAna,ana@clinic.example,everyone\r\n\r\n"
                + "Ben,ben@clinic.example,surgeon\r\n");
        assertThat(windows.errors()).singleElement().asString().startsWith("line 5: roles: 'surgeon'");
    }

    // ---- updates against the roster

    @Test
    void reImportingTheSameFileChangesNothing() {
        String csv = HEADER + "1001,Ana Reyes,ana@clinic.example,front-desk;everyone,2026-03-02,Maria Lopez,active,"
                + "https://moodle.clinic.example|57,Main Street\n";
        assertImported(run(csv), 1, 0, 0);
        Person before = person("ana@clinic.example");
        assertImported(run(csv), 0, 0, 1);
        assertThat(person("ana@clinic.example")).isEqualTo(before);
    }

    @Test
    void aRowWithAKnownEmployeeIdUpdatesThatPersonEvenWithANewEmail() {
        run("employee_id,name,email,roles,hire_date\n1001,Ana Reyes,ana@clinic.example,front-desk,2026-03-02\n");
        String id = person("ana@clinic.example").id();
        assertImported(run("employee_id,name,email,roles\n1001,Ana Reyes-Lopez,ana.lopez@clinic.example,billing\n"), 0, 1, 0);
        Person ana = people.find(id).orElseThrow();
        assertThat(ana.name()).isEqualTo("Ana Reyes-Lopez");
        assertThat(ana.email()).isEqualTo("ana.lopez@clinic.example");
        assertThat(ana.identifiers()).as("old identities are kept").contains("mbox|mailto:ana@clinic.example",
                "mbox|mailto:ana.lopez@clinic.example");
        assertThat(ana.rolesOn(EFFECTIVE)).containsExactly("billing");
        assertThat(ana.rolesOn(EFFECTIVE.minusDays(1))).as("the old role until the effective date").containsExactly("front-desk");
        assertThat(people.byId).hasSize(1);
    }

    @Test
    void aRowWithoutEmployeeIdUpdatesThePersonWithItsEmailInAnyCase() {
        run("name,email,roles\nAna Reyes,ana@clinic.example,front-desk\n");
        assertImported(run("name,email,roles,status\nAna Reyes,Ana@Clinic.Example,front-desk,departed\n"), 0, 1, 0);
        assertThat(people.byId).hasSize(1);
        Person ana = person("ana@clinic.example");
        assertThat(ana.statusOn(EFFECTIVE)).isEqualTo(Person.Status.DEPARTED);
        assertThat(ana.statusOn(EFFECTIVE.minusDays(1))).isEqualTo(Person.Status.ACTIVE);
    }

    @Test
    void aNewEmailOrAccountAloneIsAnUpdate() {
        run("employee_id,name,email,roles,accounts\n1001,Ana Reyes,ana@clinic.example,everyone,\n");
        assertImported(run("employee_id,name,email,roles,accounts\n1001,Ana Reyes,ana@clinic.example,everyone,"
                + "https://moodle.clinic.example|57\n"), 0, 1, 0);
        assertThat(person("ana@clinic.example").identifiers()).contains("account|https://moodle.clinic.example|57");

        assertImported(run("employee_id,name,email,roles\n1001,Ana Reyes,ana.reyes@clinic.example,everyone\n"), 0, 1, 0);
        assertThat(people.byEmployeeId("1001").orElseThrow().email()).isEqualTo("ana.reyes@clinic.example");
    }

    @Test
    void blankOptionalColumnsDoNotCountAsChanges() {
        run(HEADER + "1001,Ana Reyes,ana@clinic.example,everyone,2026-03-02,,on leave,,\n");
        assertImported(run("employee_id,name,email,roles\n1001,Ana Reyes,ana@clinic.example,everyone\n"), 0, 0, 1);
        assertThat(person("ana@clinic.example").statusOn(EFFECTIVE)).isEqualTo(Person.Status.ON_LEAVE);
    }

    @Test
    void anEmailOfSomeoneElseOnTheRosterIsAnErrorOnItsLine() {
        run("employee_id,name,email,roles\n1001,Ana,ana@clinic.example,everyone\n1002,Ben,ben@clinic.example,everyone\n");
        RosterImport.Result result = run("employee_id,name,email,roles\n1002,Ben,ana@clinic.example,billing\n");
        assertThat(result.errors()).containsExactly("line 2: email ana@clinic.example already belongs to Ana on the roster, "
                + "not to Ben whom this row updates");
        assertThat(people.byEmployeeId("1002").orElseThrow().rolesOn(EFFECTIVE)).containsExactly("everyone");
    }

    @Test
    void anEmailOfSomeoneElseLaterInTheFileStopsTheRowsBeforeIt() {
        run("employee_id,name,email,roles\n1001,Ana,ana@clinic.example,everyone\n1002,Ben,ben@clinic.example,everyone\n"
                + "1005,Eve,eve@clinic.example,everyone\n");
        RosterImport.Result result = run("employee_id,name,email,roles\n1003,Cy,cy@clinic.example,everyone\n"
                + "1002,Ben,ben@clinic.example,billing\n1001,Ana,eve@clinic.example,everyone\n");

        assertThat(result.errors()).containsExactly("line 4: email eve@clinic.example already belongs to Eve on the roster, "
                + "not to Ana whom this row updates");
        assertThat(people.byId).as("nothing imported: Cy is not added, Ben keeps his role").hasSize(3);
        assertThat(people.byEmployeeId("1002").orElseThrow().rolesOn(EFFECTIVE)).containsExactly("everyone");
    }

    @Test
    void addsAndUpdatesAreCountedInOneFile() {
        run("employee_id,name,email,roles\n1001,Ana,ana@clinic.example,everyone\n1002,Ben,ben@clinic.example,everyone\n");
        assertImported(run("employee_id,name,email,roles\n1001,Ana,ana@clinic.example,everyone\n"
                + "1002,Ben,ben@clinic.example,it\n1003,Cy,cy@clinic.example,everyone\n"), 1, 1, 1);
        assertThat(people.byId).hasSize(3);
    }

    @Test
    void headerNormalisationKeepsOnlyLetters() {
        assertThat(RosterImport.normalise("Hire Date")).isEqualTo("hiredate");
        assertThat(RosterImport.normalise("hire_date")).isEqualTo("hiredate");
        assertThat(RosterImport.normalise("\uFEFFEmployee-ID ")).isEqualTo("employeeid");
    }
}
