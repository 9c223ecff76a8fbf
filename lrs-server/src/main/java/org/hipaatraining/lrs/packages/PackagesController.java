package org.hipaatraining.lrs.packages;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/packages")
@Tag(name = "Course packages", description = "SCORM 1.2, SCORM 2004 4th, xAPI and cmi5 zips to upload to an LMS")
class PackagesController {

    private final CoursePackages packages;

    PackagesController(CoursePackages packages) {
        this.packages = packages;
    }

    @GetMapping
    @Operation(summary = "Every package: one course per role and one per module, in each format")
    List<CoursePackages.Available> list() {
        return packages.all();
    }

    @GetMapping("/{fileName:.+\\.zip}")
    @Operation(summary = "Download a package")
    ResponseEntity<byte[]> download(@PathVariable String fileName) {
        return packages.find(fileName).map(available -> {
            byte[] zip = packages.zip(available);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                    .eTag("\"" + CoursePackages.sha256(zip) + "\"")
                    .body(zip);
        }).orElse(ResponseEntity.notFound().build());
    }
}
