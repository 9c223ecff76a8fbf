package org.hipaatraining.lrs.compliance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hipaatraining.lrs.compliance.events.EventType;
import org.hipaatraining.lrs.compliance.reports.Transcript;

/**
 * A person's records as the page lists them: a session's run of "started" records (initialized, every lesson and
 * question) becomes one line that opens to show them, so a module's passes and failures are not lost among dozens of
 * progress events.
 *
 * @param entry    the record the line shows (the first of a run)
 * @param grouped  every record of the run, when there is more than one; empty otherwise
 */
record RecordLines(Transcript.Entry entry, List<Transcript.Entry> grouped) {

    static List<RecordLines> of(List<Transcript.Entry> entries) {
        List<RecordLines> lines = new ArrayList<>();
        List<Transcript.Entry> run = new ArrayList<>();
        for (Transcript.Entry entry : entries) {
            if (!run.isEmpty() && !sameSession(run.get(0), entry)) {
                lines.add(line(run));
                run = new ArrayList<>();
            }
            if (entry.event().type() == EventType.STARTED && entry.event().registration() != null) {
                run.add(entry);
            } else {
                lines.add(new RecordLines(entry, List.of()));
            }
        }
        if (!run.isEmpty()) {
            lines.add(line(run));
        }
        return lines;
    }

    private static boolean sameSession(Transcript.Entry first, Transcript.Entry next) {
        return next.event().type() == EventType.STARTED && Objects.equals(first.event().registration(), next.event().registration());
    }

    private static RecordLines line(List<Transcript.Entry> run) {
        return new RecordLines(run.get(0), run.size() == 1 ? List.of() : List.copyOf(run));
    }
}
