package org.hipaatraining.lrs.reports.statements;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.*;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.statements.StoredStatement;

/**
 * The exports' own per-statement work, without the database: CPU time per statement (the best of 16 rounds, so that
 * other processes on the machine count for little) of parsing a stored statement, writing NDJSON, and writing a CSV
 * row (parse included), on {@code StatementGenerator} statements. A profiling aid, not a test (docs/performance.md):
 * {@code java -cp <test classpath> org.hipaatraining.lrs.reports.statements.ExportProfile 20000}.
 */
public class ExportProfile {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Class<?> g = Class.forName("org.hipaatraining.lrs.benchmark.StatementGenerator");
        var ctor = g.getDeclaredConstructor(long.class); ctor.setAccessible(true);
        Object gen = ctor.newInstance(42L);
        var next = g.getDeclaredMethod("next"); next.setAccessible(true);
        List<StoredStatement> list = new ArrayList<>();
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        for (int i = 0; i < n; i++) {
            String json = (String) next.invoke(gen);
            var node = (tools.jackson.databind.node.ObjectNode) XapiJson.parse(json, "x");
            node.put("stored", now.toString());
            node.putObject("authority").put("objectType", "Agent").putObject("account").put("homePage", "https://lrs.example/clients").put("name", "nvZVal_HYjfF-jYv");
            list.add(new StoredStatement(node.get("id").asString(), null, null, null, List.of(), null, null, now, false, XapiJson.write(node), null));
        }
        StatementDescriber describer = new StatementDescriber(null, null, Catalogue.loadDefault());
        Map<String, String> sources = Map.of();
        long best0 = Long.MAX_VALUE, best1 = Long.MAX_VALUE, best2 = Long.MAX_VALUE;
        for (int round = 0; round < 16; round++) {
            long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long sink = 0;
            for (StoredStatement s : list) { sink += s.statement().size(); }
            long t1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            Writer nd = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), 1 << 16);
            for (StoredStatement s : list) { nd.write(s.json()); nd.write('\n'); }
            nd.flush();
            long t2 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            Writer csv = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), 1 << 16);
            StatementExports exports = new StatementExports(null, describer);
            StatementExports.CsvRows rows = exports.new CsvRows(sources, csv);
            for (StoredStatement s : list) { rows.write(s); }
            csv.flush();
            long t3 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            best0 = Math.min(best0, t1 - t0); best1 = Math.min(best1, t2 - t1); best2 = Math.min(best2, t3 - t2);
            if (round == 15) System.out.printf("BEST parse %.1f us/st; ndjson write %.1f us/st; csv total %.1f us/st%n", best0 / 1e3 / n, best1 / 1e3 / n, best2 / 1e3 / n);

        }
    }
}
