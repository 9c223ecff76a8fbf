package org.hipaatraining.lrs.staffimport;

import java.util.List;
import java.util.Locale;

/** What a column of a staff list can be, with the header names HR and payroll exports use for it. */
public enum Field {
    NAME("Name", true, List.of("name", "fullname", "employeename", "staffname", "displayname", "workername", "employee",
            "preferredname", "legalname")),
    FIRST_NAME("First name", false, List.of("firstname", "givenname", "forename", "first")),
    LAST_NAME("Last name", false, List.of("lastname", "surname", "familyname", "last")),
    EMAIL("Email", true, List.of("email", "workemail", "emailaddress", "businessemail", "officeemail", "mail",
            "workemailaddress", "companyemail")),
    EMPLOYEE_ID("Employee ID", false, List.of("employeeid", "empid", "employeenumber", "employeeno", "employeenum",
            "staffid", "payrollid", "personnelnumber", "badgenumber", "badge", "eeid", "id", "workerid", "fileno", "filenumber")),
    JOB_TITLE("Job title", false, List.of("jobtitle", "title", "position", "positiontitle", "job", "jobrole",
            "occupation", "designation", "role")),
    ROLES("Training roles (role ids)", false, List.of("roles", "trainingroles", "roleids")),
    HIRE_DATE("Hire date", false, List.of("hiredate", "startdate", "dateofhire", "hired", "datehired", "originalhiredate",
            "employmentstartdate", "seniority date", "joined", "datejoined")),
    MANAGER("Manager", false, List.of("manager", "supervisor", "reportsto", "managername", "linemanager",
            "directmanager", "supervisorname")),
    STATUS("Employment status", false, List.of("employmentstatus", "status", "employeestatus", "workerstatus")),
    END_DATE("End date", false, List.of("terminationdate", "enddate", "termdate", "dateofleaving", "leavingdate",
            "separationdate", "lastdayworked")),
    LOCATION("Location", false, List.of("location", "worklocation", "site", "office", "clinic", "facility", "branch",
            "practicelocation", "worksite"));

    private final String label;
    private final boolean wanted;
    private final List<String> headers;

    Field(String label, boolean wanted, List<String> headers) {
        this.label = label;
        this.wanted = wanted;
        this.headers = headers;
    }

    public String label() {
        return label;
    }

    /** Whether the import needs the column (name, or first and last name) or strongly prefers it (email). */
    public boolean wanted() {
        return wanted;
    }

    /** How well a header names this field: 2 exactly, 1 containing one of its names, 0 not at all. */
    int match(String header) {
        String h = normalise(header);
        if (headers.stream().map(Field::normalise).anyMatch(h::equals)) {
            return 2;
        }
        return headers.stream().map(Field::normalise).filter(n -> n.length() >= 4).anyMatch(h::contains) ? 1 : 0;
    }

    /** "Hire Date", "hire_date" and "HireDate" name the same column. */
    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
