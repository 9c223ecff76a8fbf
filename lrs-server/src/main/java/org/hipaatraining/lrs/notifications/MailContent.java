package org.hipaatraining.lrs.notifications;

import java.util.List;

/**
 * What a notice says, before it becomes a plain text part and an HTML part that say the same thing. Only roster facts,
 * module titles and dates: never statement data or anything about a patient.
 */
record MailContent(String subject, String practice, String heading, List<String> paragraphs, List<Fact> facts,
                   Action action, List<Table> tables, String footer) {

    MailContent {
        paragraphs = List.copyOf(paragraphs);
        facts = List.copyOf(facts);
        tables = List.copyOf(tables);
    }

    record Fact(String label, String value) {
    }

    /** The one link of a mail: start or resume the training, or open the records. */
    record Action(String label, String url) {
    }

    record Table(String caption, List<String> headers, List<List<String>> rows, List<String> notes) {
        Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            notes = List.copyOf(notes);
        }
    }

    /** The plain text part: readable as it is in any client. */
    String text() {
        StringBuilder out = new StringBuilder();
        out.append(practice).append("\n\n").append(heading).append("\n\n");
        paragraphs.forEach(p -> out.append(p).append("\n\n"));
        facts.forEach(f -> out.append(f.label()).append(": ").append(f.value()).append('\n'));
        if (!facts.isEmpty()) {
            out.append('\n');
        }
        if (action != null) {
            out.append(action.label()).append(":\n").append(action.url()).append("\n\n");
        }
        for (Table table : tables) {
            out.append(table.caption()).append('\n');
            if (table.rows().isEmpty()) {
                out.append("  (none)\n");
            }
            for (List<String> row : table.rows()) {
                out.append("  - ");
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        out.append(i == 1 ? ": " : ", ");
                    }
                    out.append(i == 0 ? row.get(i) : table.headers().get(i).toLowerCase(java.util.Locale.ROOT) + " "
                            + row.get(i));
                }
                out.append('\n');
            }
            table.notes().forEach(n -> out.append("  * ").append(n).append('\n'));
            out.append('\n');
        }
        out.append("-- \n").append(footer).append('\n');
        return out.toString();
    }
}
