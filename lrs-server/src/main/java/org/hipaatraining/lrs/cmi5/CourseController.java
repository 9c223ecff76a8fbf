package org.hipaatraining.lrs.cmi5;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Admin API for cmi5 courses: list them, read one's structure (the catalogue's courses are imported on first read),
 * and upload a cmi5 zip, as {@code multipart/form-data} (field {@code file}) or as an {@code application/zip} body.
 */
@RestController
@RequestMapping("/api/cmi5/courses")
class CourseController {

    private final CourseRegistry courses;
    private final Cmi5Settings settings;

    CourseController(CourseRegistry courses, Cmi5Settings settings) {
        this.courses = courses;
        this.settings = settings;
    }

    record CourseSummary(String courseId, String source, String title, String publisherId, String fileName,
                         String sha256, Instant importedAt, List<AuSummary> aus) {

        static CourseSummary of(CourseStore.Cmi5Course c) {
            return new CourseSummary(c.id(), c.source(), c.structure().title(), c.structure().publisherId(), c.fileName(),
                    c.sha256(), c.importedAt(), c.structure().aus().stream().map(AuSummary::of).toList());
        }
    }

    record AuSummary(String auId, String activityId, String title, String moveOn, Double masteryScore, String url,
                     String launchMethod) {

        static AuSummary of(CourseStructure.Au au) {
            return new AuSummary(au.publisherId(), au.activityId(), au.title(), au.moveOn().name(), au.masteryScore(),
                    au.url(), au.launchMethod());
        }
    }

    record CourseList(List<CourseSummary> imported, List<String> catalogue) {
    }

    @GetMapping
    CourseList list() {
        return new CourseList(courses.imported().stream().map(CourseSummary::of).toList(), courses.catalogueIds());
    }

    @GetMapping("/{courseId}")
    CourseSummary get(@PathVariable String courseId) {
        return CourseSummary.of(courses.course(courseId));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CourseSummary> uploadForm(@RequestParam("file") MultipartFile file,
                                             @RequestParam(value = "courseId", required = false) String courseId,
                                             Principal principal) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return upload(in, courseId, file.getOriginalFilename(), principal);
        }
    }

    @PostMapping(consumes = {"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<CourseSummary> uploadZip(@RequestParam(value = "courseId", required = false) String courseId,
                                            @RequestParam(value = "fileName", required = false) String fileName,
                                            HttpServletRequest request, Principal principal) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return upload(in, courseId, fileName, principal);
        }
    }

    private ResponseEntity<CourseSummary> upload(InputStream in, String courseId, String fileName, Principal principal) {
        Path zip = null;
        try {
            zip = Files.createTempFile("cmi5-upload", ".zip");
            long limit = settings.maxPackageSize().toBytes();
            try (OutputStream out = new LimitedOutputStream(Files.newOutputStream(zip), limit)) {
                in.transferTo(out);
            }
            CourseStore.Cmi5Course course = courses.upload(zip, courseId, fileName,
                    principal == null ? null : principal.getName());
            return ResponseEntity.status(HttpStatus.CREATED).body(CourseSummary.of(course));
        } catch (IOException e) {
            // The upload broke off (or the temporary file could not be written): refused, nothing imported.
            throw new Cmi5Exception("the upload could not be received to its end; send it again");
        } finally {
            if (zip != null) {
                zip.toFile().delete();
            }
        }
    }

    /** Fails as soon as more than {@code limit} bytes arrive, so an oversized upload never fills the disk. */
    private static final class LimitedOutputStream extends java.io.FilterOutputStream {
        private final long limit;
        private long written;

        LimitedOutputStream(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > limit) {
                throw new Cmi5Exception(HttpStatus.CONTENT_TOO_LARGE, "the package is larger than " + limit
                        + " bytes (lrs.cmi5.max-package-size)");
            }
            out.write(b, off, len);
        }
    }
}
