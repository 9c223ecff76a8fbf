package org.hipaatraining.lrs.lti;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.packages.CoursePackages;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the files of our xAPI packages for LTI launches: {@code /lti/content/<package zip>/<path in the zip>}, e.g.
 * {@code /lti/content/hipaa-module-privacy-1.0.0-xapi.zip/modules/privacy/index.html}. Training material only, so no
 * sign-in; the learner's statements go to {@code /xapi/} with the launch's own credential.
 */
@RestController
class PackageContentController {

    static final String PREFIX = "/lti/content/";

    private final CoursePackages packages;
    private final Map<String, Map<String, byte[]>> unpacked = new ConcurrentHashMap<>();

    PackageContentController(CoursePackages packages) {
        this.packages = packages;
    }

    @GetMapping(PREFIX + "{fileName:.+-xapi\\.zip}/**")
    ResponseEntity<byte[]> file(@PathVariable String fileName, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length() + fileName.length() + 1);
        Map<String, byte[]> files = packages.find(fileName).map(p -> unpacked.computeIfAbsent(fileName,
                name -> unzip(packages.zip(p)))).orElse(Map.of());
        byte[] body = files.get(path);
        if (body == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(type(path)).cacheControl(CacheControl.noCache())
                .eTag("\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"").body(body);
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(files);
    }

    private static MediaType type(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith(".html")) {
            return MediaType.parseMediaType("text/html; charset=utf-8");
        }
        if (p.endsWith(".js")) {
            return MediaType.parseMediaType("text/javascript; charset=utf-8");
        }
        if (p.endsWith(".css")) {
            return MediaType.parseMediaType("text/css; charset=utf-8");
        }
        if (p.endsWith(".svg")) {
            return MediaType.parseMediaType("image/svg+xml");
        }
        if (p.endsWith(".png")) {
            return MediaType.IMAGE_PNG;
        }
        if (p.endsWith(".jpg") || p.endsWith(".jpeg")) {
            return MediaType.IMAGE_JPEG;
        }
        if (p.endsWith(".xml")) {
            return MediaType.APPLICATION_XML;
        }
        if (p.endsWith(".json")) {
            return MediaType.APPLICATION_JSON;
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
