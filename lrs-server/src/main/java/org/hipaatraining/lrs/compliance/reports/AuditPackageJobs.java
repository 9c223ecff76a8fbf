package org.hipaatraining.lrs.compliance.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.hipaatraining.lrs.xapimodel.XapiJson;

/**
 * Whole-practice and module audit packages as background jobs: any instance takes a queued job (or one whose builder
 * stopped, once its lease runs out), renders it a part at a time (250 people, lrs.reports.audit-part-size, and at most
 * 2,000 lines of records, lrs.reports.audit-part-rows) into one zip with a manifest and the SHA-256 of every part, and
 * stores the zip in GridFS so every instance can serve the download. Memory holds one part, whatever the roster's size
 * and the length of people's histories.
 */
@Service
public class AuditPackageJobs implements DeclaresIndexes {

    static final String JOBS = "audit_package_jobs";
    static final String FILES = "audit_packages";
    /** How long a job is kept with its file: long enough to download, not a second copy of the records. */
    static final Duration KEPT = Duration.ofDays(30);
    /** A builder renews its lease with every part; a part takes seconds, so this means it stopped. */
    static final Duration LEASE = Duration.ofMinutes(3);

    private static final Logger log = LoggerFactory.getLogger(AuditPackageJobs.class);

    private final MongoTemplate mongo;
    private final AuditPackages audits;
    private final RosterService roster;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "audit-packages");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean building = new AtomicBoolean();

    AuditPackageJobs(MongoTemplate mongo, AuditPackages audits, RosterService roster, Clock clock) {
        this.mongo = mongo;
        this.audits = audits;
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(JOBS, new Document("state", 1).append("requestedAt", 1)),
                IndexDeclaration.of(JOBS, new Document("requestedAt", 1)),
                IndexDeclaration.of(FILES + ".files", new Document("filename", 1).append("uploadDate", 1)),
                IndexDeclaration.unique(FILES + ".chunks", new Document("files_id", 1).append("n", 1)));
    }

    /** Queues a package of the whole practice ({@code moduleId} null) or of one module, and starts building it. */
    public AuditPackageJob submit(String moduleId, ReportPeriod period, String requestedBy) {
        audits.module(moduleId); // an unknown module is refused now, not in the background
        Document job = new Document("_id", UUID.randomUUID().toString()).append("moduleId", moduleId)
                .append("from", period.from().toString()).append("to", period.to().toString())
                .append("requestedBy", requestedBy).append("state", AuditPackageJob.State.QUEUED.name())
                .append("peopleTotal", 0).append("peopleDone", 0).append("parts", List.of())
                .append("requestedAt", Date.from(clock.instant()));
        jobs().insertOne(job);
        wake();
        return from(job);
    }

    public Optional<AuditPackageJob> find(String id) {
        return Optional.ofNullable(jobs().find(Filters.eq("_id", id)).first()).map(AuditPackageJobs::from);
    }

    /** The latest jobs, newest first: the page's list. */
    public List<AuditPackageJob> recent(int limit) {
        List<AuditPackageJob> found = new ArrayList<>();
        jobs().find(Filters.gte("requestedAt", new Date(0))).sort(Sorts.descending("requestedAt")).limit(limit)
                .forEach(d -> found.add(from(d)));
        return found;
    }

    /** Writes a ready package's zip. */
    public void download(AuditPackageJob job, OutputStream out) {
        Document stored = jobs().find(Filters.eq("_id", job.id())).first();
        bucket().downloadToStream(stored.getObjectId("fileId"), out);
    }

    /** Looks for work: on submit, and every few seconds for jobs another instance queued or left behind. */
    @Scheduled(initialDelayString = "${lrs.reports.audit-job-poll:5s}", fixedDelayString = "${lrs.reports.audit-job-poll:5s}")
    public void wake() {
        if (building.compareAndSet(false, true)) {
            builder.execute(() -> {
                try {
                    for (Document job = claim(); job != null; job = claim()) {
                        build(from(job));
                    }
                } catch (RuntimeException e) {
                    log.warn("audit package jobs could not be claimed: {}", e.toString());
                } finally {
                    building.set(false);
                }
            });
        }
    }

    @Scheduled(cron = "${lrs.reports.audit-job-cleanup:0 40 3 * * *}", zone = "UTC")
    public void forgetOld() {
        Date before = Date.from(clock.instant().minus(KEPT));
        for (Document old : jobs().find(Filters.lt("requestedAt", before))) {
            ObjectId file = old.getObjectId("fileId");
            if (file != null) {
                bucket().delete(file);
            }
            jobs().deleteOne(Filters.eq("_id", old.getString("_id")));
        }
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    private Document claim() {
        Instant now = clock.instant();
        return jobs().findOneAndUpdate(Filters.or(Filters.eq("state", AuditPackageJob.State.QUEUED.name()),
                        Filters.and(Filters.eq("state", AuditPackageJob.State.RUNNING.name()), Filters.lt("leaseUntil", Date.from(now)))),
                Updates.combine(Updates.set("state", AuditPackageJob.State.RUNNING.name()), Updates.set("owner", owner),
                        Updates.set("leaseUntil", Date.from(now.plus(LEASE))), Updates.set("peopleDone", 0),
                        Updates.set("parts", List.of())),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("requestedAt")).returnDocument(ReturnDocument.AFTER));
    }

    private void build(AuditPackageJob job) {
        GridFSUploadStream upload = null;
        try {
            Module module = audits.module(job.moduleId());
            ReportPeriod period = job.period();
            LocalDate statusOn = audits.statusOn(period);
            List<Person> people = roster.all();
            progress(job, people.size(), 0, List.of());
            upload = bucket().openUploadStream(job.fileName());
            MessageDigest whole = sha256();
            List<AuditPackageJob.Part> parts = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(new NoClose(upload), whole))) {
                for (int start = 0; start < people.size(); start += audits.partSize()) {
                    List<Person> chunk = people.subList(start, Math.min(people.size(), start + audits.partSize()));
                    AuditPackage assembled = audits.assemble(chunk, module, period, statusOn, job.requestedBy(), false);
                    List<List<Person>> pieces = audits.pieces(assembled);
                    for (List<Person> piece : pieces) {
                        // long histories: a chunk whose lines would not render within the heap becomes several parts
                        AuditPackage part = pieces.size() == 1 ? assembled
                                : audits.assemble(piece, module, period, statusOn, job.requestedBy(), false);
                        if (part.people().isEmpty()) {
                            continue;
                        }
                        String first = part.people().get(0).person().name();
                        String last = part.people().get(part.people().size() - 1).person().name();
                        String file = "part-%03d.pdf".formatted(parts.size() + 1);
                        byte[] pdf = audits.pdf(part.withScope(AuditPackages.scope(module) + ", part " + (parts.size() + 1)
                                + ": " + first + " to " + last, 0));
                        zip.putNextEntry(new ZipEntry(file));
                        zip.write(pdf);
                        zip.closeEntry();
                        parts.add(new AuditPackageJob.Part(file, part.people().size(), first, last, pdf.length, hex(sha256().digest(pdf))));
                    }
                    if (!progress(job, people.size(), start + chunk.size(), parts)) {
                        log.info("audit package {} was taken over by another instance", job.id());
                        upload.abort();
                        return;
                    }
                }
                int unmatched = audits.unmatchedRecords(module, period);
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(manifest(job, module, statusOn, parts, unmatched).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("SHA256SUMS"));
                StringBuilder sums = new StringBuilder();
                parts.forEach(p -> sums.append(p.sha256()).append("  ").append(p.file()).append('\n'));
                zip.write(sums.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            upload.close();
            jobs().updateOne(mine(job), Updates.combine(
                    Updates.set("state", AuditPackageJob.State.READY.name()), Updates.set("fileId", upload.getObjectId()),
                    Updates.set("bytes", upload.getObjectId() == null ? 0 : bucket().find(Filters.eq("_id", upload.getObjectId())).first().getLength()),
                    Updates.set("sha256", hex(whole.digest())), Updates.set("finishedAt", Date.from(clock.instant()))));
        } catch (RuntimeException | IOException e) {
            log.warn("audit package {} failed", job.id(), e);
            if (upload != null) {
                try {
                    upload.abort();
                } catch (RuntimeException ignored) {
                    // already closed or aborted: nothing was kept
                }
            }
            jobs().updateOne(Filters.eq("_id", job.id()), Updates.combine(
                    Updates.set("state", AuditPackageJob.State.FAILED.name()),
                    Updates.set("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    Updates.set("finishedAt", Date.from(clock.instant()))));
        }
    }

    /** Records progress and renews the lease; false when another instance has taken the job over. */
    private boolean progress(AuditPackageJob job, int total, int done, List<AuditPackageJob.Part> parts) {
        List<Document> stored = parts.stream().map(p -> new Document("file", p.file()).append("people", p.people())
                .append("first", p.first()).append("last", p.last()).append("bytes", p.bytes()).append("sha256", p.sha256())).toList();
        return jobs().updateOne(mine(job), Updates.combine(
                Updates.set("peopleTotal", total), Updates.set("peopleDone", done), Updates.set("parts", stored),
                Updates.set("leaseUntil", Date.from(clock.instant().plus(LEASE))))).getMatchedCount() == 1;
    }

    private String manifest(AuditPackageJob job, Module module, LocalDate statusOn, List<AuditPackageJob.Part> parts,
                            int unmatched) {
        ObjectNode manifest = XapiJson.MAPPER.createObjectNode();
        manifest.put("practice", audits.practiceName()).put("scope", AuditPackages.scope(module))
                .put("from", job.from().toString()).put("to", job.to().toString()).put("statusOn", statusOn.toString())
                .put("generatedAt", clock.instant().toString()).put("generatedBy", job.requestedBy())
                .put("recordsFromIdentitiesNotOnTheRoster", unmatched);
        ArrayNode files = manifest.putArray("parts");
        parts.forEach(p -> files.addObject().put("file", p.file()).put("people", p.people()).put("first", p.first())
                .put("last", p.last()).put("bytes", p.bytes()).put("sha256", p.sha256()));
        return XapiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
    }

    /** The job, as long as this instance still builds it. */
    private Document mine(AuditPackageJob job) {
        return new Document("_id", job.id()).append("owner", owner);
    }

    private MongoCollection<Document> jobs() {
        return mongo.getCollection(JOBS);
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(mongo.getDb(), FILES);
    }

    static AuditPackageJob from(Document d) {
        List<AuditPackageJob.Part> parts = d.getList("parts", Document.class, List.of()).stream()
                .map(p -> new AuditPackageJob.Part(p.getString("file"), p.getInteger("people", 0), p.getString("first"),
                        p.getString("last"), p.get("bytes", Number.class).longValue(), p.getString("sha256"))).toList();
        return new AuditPackageJob(d.getString("_id"), d.getString("moduleId"), LocalDate.parse(d.getString("from")),
                LocalDate.parse(d.getString("to")), d.getString("requestedBy"), AuditPackageJob.State.valueOf(d.getString("state")),
                d.getInteger("peopleTotal", 0), d.getInteger("peopleDone", 0), parts, instant(d.getDate("requestedAt")),
                instant(d.getDate("finishedAt")), d.getString("error"), d.getString("owner"), instant(d.getDate("leaseUntil")),
                d.get("bytes") == null ? 0 : d.get("bytes", Number.class).longValue(),
                d.getString("sha256"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The zip's close must not close the upload: the upload is closed, or aborted, on its own. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** A download asked for before the package is ready. Answered with 409. */
    public static class Conflict extends org.hipaatraining.lrs.compliance.ComplianceException {
        Conflict(String message) {
            super(message);
        }
    }
}
