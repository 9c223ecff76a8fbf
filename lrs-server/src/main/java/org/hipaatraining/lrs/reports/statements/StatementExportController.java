package org.hipaatraining.lrs.reports.statements;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.reports.ReportNotFoundException;
import org.hipaatraining.lrs.reports.ReportRequestException;
import org.hipaatraining.lrs.xapi.statements.StatementPosition;
import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statement explorer for scripts: the same filters as {@code /admin/statements}, as keyset-paged JSON and as
 * NDJSON and CSV files streamed from a database cursor.
 */
@RestController
@RequestMapping("/api/reports/statements")
@Tag(name = "Statement reports", description = "The stored xAPI statements, filtered as in the admin statement explorer: "
        + "pages of readable lines, and NDJSON and CSV exports that stream any number of statements")
class StatementExportController {

    static final String FILTERS = "Filters (all optional): person (roster id), actor (email, homePage|name or Agent JSON), "
            + "verb (IRI or short name: passed, answered, ...), module (module id) or activity (IRI), related (true: "
            + "also statements with the activity in their context), source (xAPI client key), registration (UUID), "
            + "from and to (UTC days, both included, on the stored time), voided (exclude, only, include; default exclude)";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_LIMIT = 500;

    private final StatementSearch search;
    private final StatementExports exports;
    private final StoredStatements statements;
    private final StatementDescriber describer;
    private final Clock clock;

    StatementExportController(StatementSearch search, StatementExports exports, StoredStatements statements,
                              StatementDescriber describer, Clock clock) {
        this.search = search;
        this.exports = exports;
        this.statements = statements;
        this.describer = describer;
        this.clock = clock;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "A page of statements, newest stored first, each as a readable line with its JSON; `next` "
            + "continues after the page's last statement (keyset paging). " + FILTERS)
    Map<String, Object> page(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
                             @RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "50") String limit) {
        StatementSearch.Search found = search.read(params);
        StoredStatements.Slice slice = statements.newestFirst(found.filter(), position(after), limit(limit));
        List<StatementLine> lines = describer.describe(slice.statements());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            StatementLine line = lines.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", line.id());
            item.put("line", line.sentence());
            item.put("personId", line.personId());
            item.put("voided", line.voided());
            item.put("statement", slice.statements().get(i).statement());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", found.describe());
        body.put("statements", items);
        body.put("next", slice.next() == null ? null : slice.next().token());
        return body;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One statement, voided or not, exactly as stored")
    org.springframework.http.ResponseEntity<String> one(@PathVariable String id) {
        StoredStatement found = statements.byId(id).orElseThrow(() -> new ReportNotFoundException("no statement has id " + id));
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(found.json());
    }

    @GetMapping("/export.ndjson")
    @Operation(summary = "Every matching statement as stored, one JSON object per line, newest stored first, after a "
            + "first line naming the export (filter, time taken, by whom). " + FILTERS)
    void ndjson(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, Principal user,
                HttpServletResponse response) throws IOException {
        StatementExports.Header header = header(params, user);
        try (Writer out = download(response, "application/x-ndjson; charset=utf-8", header, "ndjson")) {
            exports.ndjson(header, out);
        }
    }

    @GetMapping("/export.csv")
    @Operation(summary = "Every matching statement as one CSV row (actor, verb, object, result, context, timestamp, "
            + "stored, authority, source, registration), newest stored first, after a # comment line naming the export. "
            + FILTERS)
    void csv(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, Principal user,
             HttpServletResponse response) throws IOException {
        StatementExports.Header header = header(params, user);
        try (Writer out = download(response, "text/csv; charset=utf-8", header, "csv")) {
            exports.csv(header, out);
        }
    }

    private StatementExports.Header header(MultiValueMap<String, String> params, Principal user) {
        return new StatementExports.Header(search.read(params), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                user == null ? "unknown" : user.getName());
    }

    private static Writer download(HttpServletResponse response, String type, StatementExports.Header header,
                                   String extension) throws IOException {
        String name = "hipaa-statements_" + header.search().slug() + "_" + FILE_TIME.format(header.takenAt()) + "." + extension;
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    static StatementPosition position(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return StatementPosition.parse(after.trim());
        } catch (IllegalArgumentException e) {
            throw new ReportRequestException("after: " + e.getMessage() + "; use the next link of the page before");
        }
    }

    private static int limit(String limit) {
        try {
            int n = Integer.parseInt(limit);
            if (n < 1 || n > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ReportRequestException("limit: a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'");
        }
    }

}
