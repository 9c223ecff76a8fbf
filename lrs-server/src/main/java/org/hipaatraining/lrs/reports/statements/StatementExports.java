package org.hipaatraining.lrs.reports.statements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The explorer's filters as files: NDJSON (each statement as stored, one per line) and CSV (one flattened row per
 * statement). Both stream from a database cursor to the writer, so the heap holds one batch of statements whatever
 * the export's size, and both say first what they contain: the filter, when the export was taken and by whom.
 */
@Component
class StatementExports {

    static final List<String> COLUMNS = List.of("statement_id", "timestamp", "stored", "actor_name", "actor_id", "verb",
            "verb_id", "object_id", "object_type", "object_name", "score_scaled", "success", "completion", "response",
            "duration", "registration", "module_version", "context_activities", "authority", "source", "voided");

    private final StoredStatements statements;
    private final StatementDescriber describer;

    StatementExports(StoredStatements statements, StatementDescriber describer) {
        this.statements = statements;
        this.describer = describer;
    }

    /** What the file says about itself. */
    record Header(StatementSearch.Search search, Instant takenAt, String takenBy) {
    }

    /** The first line names the export; every other line is one statement exactly as stored. Returns the count. */
    long ndjson(Header header, Writer out) {
        ObjectNode about = XapiJson.MAPPER.createObjectNode();
        about.put("export", "hipaa-training statements");
        about.put("filter", header.search().describe());
        ObjectNode parameters = about.putObject("parameters");
        header.search().values().forEach(parameters::put);
        about.put("takenAt", DateTimeFormatter.ISO_INSTANT.format(header.takenAt()));
        about.put("takenBy", header.takenBy());
        about.put("order", "newest stored first");
        long[] count = {0};
        try {
            out.write(XapiJson.write(about));
            out.write('\n');
            // the stored JSON text as it is, read alone (not the facets a StoredStatement decodes), never parsed
            statements.forEachJsonNewestFirst(header.search().filter(), json -> {
                try {
                    out.write(json);
                    out.write('\n');
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /** A comment line naming the export, the header row, then one row per statement. Returns the count. */
    long csv(Header header, Writer out) {
        Map<String, String> sources = describer.sourceNames();
        long[] count = {0};
        try {
            out.write('\uFEFF'); // spreadsheets then read accented names correctly
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setCommentMarker('#').get());
            printer.printComment("HIPAA training statements; filter: " + header.search().describe() + "; taken "
                    + DateTimeFormatter.ISO_INSTANT.format(header.takenAt()) + " by " + header.takenBy()
                    + "; newest stored first");
            printer.printRecord(COLUMNS);
            printer.flush();
            CsvRows rows = new CsvRows(sources, out);
            statements.forEachNewestFirst(header.search().filter(), s -> {
                rows.write(s);
                count[0]++;
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /**
     * Reads stored statements for the CSV: they were validated when stored, so without the duplicate-key check and
     * trailing-token check of {@link XapiJson#MAPPER} (a third of the parse); decimals stay exact as stored.
     */
    private static final tools.jackson.databind.json.JsonMapper STORED_READER = XapiJson.MAPPER.rebuild()
            .disable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Writes statements as CSV rows (RFC 4180, the same as commons-csv's default format writes: a cell quoted only
     * when it must be), through one reused line buffer, with the source name
     * of each authority looked up once per export.
     */
    final class CsvRows {
        private final Map<String, String> sources;
        private final Map<JsonNode, String> sourceOf = new java.util.HashMap<>();
        private final Writer out;
        private final StringBuilder line = new StringBuilder(1024);

        CsvRows(Map<String, String> sources, Writer out) {
            this.sources = sources;
            this.out = out;
        }

        void write(org.hipaatraining.lrs.xapi.statements.StoredStatement stored) {
            JsonNode s = stored.parsed() != null ? stored.parsed() : STORED_READER.readTree(stored.json());
            Object[] cells = row(s, stored.stored(), stored.voided(), this);
            line.setLength(0);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                cell(cells[i] == null ? "" : cells[i].toString());
            }
            line.append("\r\n");
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void cell(String value) {
            // as commons-csv's minimal quoting: a first character up to '#' (space, '!', '"', the comment marker) or a
            // last one up to space, or a comma, quote or line break anywhere
            boolean quote = !value.isEmpty() && (value.charAt(0) <= '#' || value.charAt(value.length() - 1) <= ' ');
            for (int i = 0; !quote && i < value.length(); i++) {
                char c = value.charAt(i);
                quote = c == ',' || c == '"' || c == '\r' || c == '\n';
            }
            if (!quote) {
                line.append(value);
                return;
            }
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
        }

        String source(JsonNode authority) {
            return sourceOf.computeIfAbsent(authority, a -> describer.source(a, sources));
        }
    }

    private Object[] row(JsonNode s, Instant stored, boolean voided, CsvRows rows) {
        JsonNode actor = s.path("actor");
        JsonNode object = s.path("object");
        JsonNode result = s.path("result");
        JsonNode context = s.path("context");
        StringBuilder contextActivities = new StringBuilder();
        for (JsonNode list : context.path("contextActivities")) {
            for (JsonNode activity : list.isArray() ? list : List.of(list)) {
                contextActivities.append(contextActivities.isEmpty() ? "" : " ").append(activity.path("id").asString());
            }
        }
        return new Object[] {
                s.path("id").asString(), text(s, "timestamp"), DateTimeFormatter.ISO_INSTANT.format(stored),
                safe(StatementDescriber.agentName(actor)), safe(identity(actor)), StatementDescriber.verb(s.path("verb")),
                s.path("verb").path("id").asString(), object.path("id").asString(), object.path("objectType").asString("Activity"),
                safe(describer.object(s)), text(result.path("score"), "scaled"), text(result, "success"),
                text(result, "completion"), safe(text(result, "response")), text(result, "duration"),
                text(context, "registration"), text(context.path("extensions"), Vocabulary.EXT_MODULE_VERSION),
                contextActivities.toString(), safe(identity(s.path("authority"))),
                safe(rows.source(s.path("authority"))), voided};
    }

    private static String identity(JsonNode agent) {
        if (agent.hasNonNull("mbox")) {
            return agent.get("mbox").asString();
        }
        if (agent.has("account")) {
            return agent.path("account").path("homePage").asString() + "|" + agent.path("account").path("name").asString();
        }
        if (agent.hasNonNull("openid")) {
            return agent.get("openid").asString();
        }
        if (agent.hasNonNull("mbox_sha1sum")) {
            return "sha1:" + agent.get("mbox_sha1sum").asString();
        }
        return agent.isObject() ? XapiJson.write(agent) : "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asString() : XapiJson.write(value);
    }

    /** A cell a spreadsheet shows as text: names and titles come from LMSs, and a leading = would run as a formula. */
    static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
