package org.hipaatraining.lrs.reports.statements;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.reports.ReportNotFoundException;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statement explorer: stored statements newest first, filtered by person, actor, verb, module or activity,
 * source, registration, dates and voided, keyset-paged, each a readable line that opens to its JSON; and one
 * statement's page, with links to the person and the training record it made.
 */
@Controller
class StatementExplorerController {

    static final int PAGE = 25;

    private final StatementSearch search;
    private final StoredStatements statements;
    private final StatementDescriber describer;
    private final RosterService roster;
    private final ClientService clients;
    private final Catalogue catalogue;
    private final ComplianceService records;

    StatementExplorerController(StatementSearch search, StoredStatements statements, StatementDescriber describer,
                                RosterService roster, ClientService clients, Catalogue catalogue,
                                ComplianceService records) {
        this.search = search;
        this.statements = statements;
        this.describer = describer;
        this.roster = roster;
        this.clients = clients;
        this.catalogue = catalogue;
        this.records = records;
    }

    @GetMapping("/admin/statements")
    String explore(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) String after,
                   @RequestParam(required = false) String q, Model model) {
        StatementSearch.Search found = search.read(params);
        StoredStatements.Slice slice = statements.newestFirst(found.filter(), StatementExportController.position(after), PAGE);
        model.addAttribute("search", found);
        List<StatementLine> lines = describer.describe(slice.statements());
        List<Row> rows = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new Row(lines.get(i), pretty(slice.statements().get(i))));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("later", after != null && !after.isBlank());
        model.addAttribute("nextUrl", slice.next() == null ? null : link("/admin/statements", found, slice.next().token()));
        model.addAttribute("firstUrl", link("/admin/statements", found, null));
        model.addAttribute("ndjsonUrl", link("/api/reports/statements/export.ndjson", found, null));
        model.addAttribute("csvUrl", link("/api/reports/statements/export.csv", found, null));
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : peopleMatching(q.trim()));
        model.addAttribute("verbs", StatementSearch.VERBS.keySet());
        model.addAttribute("modules", catalogue.modules());
        model.addAttribute("sources", clients.sources());
        return "admin/statements";
    }

    @GetMapping("/admin/statements/{id}")
    String statement(@PathVariable String id, Model model) {
        StoredStatement stored = statements.byId(id).orElseThrow(() -> new ReportNotFoundException("no statement has id " + id));
        Optional<Person> person = stored.actorKey() == null ? Optional.empty() : roster.byIdentity(stored.actorKey());
        StatementLine line = describer.describe(stored, person.orElse(null), describer.sourceNames());
        Optional<TrainingEvent> record = records.recordOf(stored.id());
        model.addAttribute("line", line);
        model.addAttribute("person", person.orElse(null));
        model.addAttribute("record", record.orElse(null));
        model.addAttribute("json", pretty(stored));
        model.addAttribute("voidTarget", stored.voidTarget());
        return "admin/statement";
    }

    /** A line of the explorer and the statement it opens to. */
    record Row(StatementLine line, String json) {
    }

    private static String pretty(StoredStatement stored) {
        return XapiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(stored.statement());
    }

    private List<Person> peopleMatching(String q) {
        String query = q.toLowerCase(Locale.ROOT);
        return roster.all().stream()
                .filter(p -> contains(p.name(), query) || contains(p.email(), query) || contains(p.employeeId(), query))
                .limit(20).toList();
    }

    private static boolean contains(String value, String query) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(query);
    }

    /** The same search at another address (or its next page). */
    static String link(String path, StatementSearch.Search search, String after) {
        StringBuilder url = new StringBuilder(path);
        search.values().forEach((name, value) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        if (after != null) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append("after=").append(after);
        }
        return url.toString();
    }
}
