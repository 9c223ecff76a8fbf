package org.hipaatraining.lrs.cmi5;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * What the learner's browser talks to, without an LRS credential: the AU's files ({@code /cmi5/content/{courseId}/...})
 * and the one-time fetch URL. Uploaded packages are third-party code running on the origin their links point to; set
 * {@code lrs.cmi5.content-url} to a second host name of this server so they never share an origin with the admin pages
 * (a CSP sandbox would isolate them too, but breaks common AU libraries: @xapi/cmi5 reads document.cookie).
 */
@RestController
class AuLaunchController {

    private final LaunchTokens tokens;
    private final CourseRegistry courses;
    private final ContentStore content;

    AuLaunchController(LaunchTokens tokens, CourseRegistry courses, ContentStore content) {
        this.tokens = tokens;
        this.courses = courses;
        this.content = content;
    }

    /** cmi5 8.2: always 200 with JSON; a token the first time, an error code after that. */
    @PostMapping("/cmi5/fetch/{sessionId}/{code}")
    ResponseEntity<Map<String, String>> fetch(@PathVariable String sessionId, @PathVariable String code) {
        LaunchTokens.FetchResult result = tokens.fetch(sessionId, code);
        Map<String, String> body = new LinkedHashMap<>();
        if (result.authToken() != null) {
            body.put("auth-token", result.authToken());
        } else {
            body.put("error-code", result.errorCode());
            body.put("error-text", result.errorText());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/cmi5/content/{courseId}/**")
    ResponseEntity<InputStreamResource> file(@PathVariable String courseId, HttpServletRequest request) {
        String prefix = request.getContextPath() + "/cmi5/content/" + courseId + "/";
        String uri = request.getRequestURI();
        if (!uri.startsWith(prefix) || uri.length() == prefix.length()) {
            return ResponseEntity.notFound().build();
        }
        String path = UriUtils.decode(uri.substring(prefix.length()), StandardCharsets.UTF_8);
        CourseStore.Cmi5Course course;
        try {
            course = courses.course(courseId);
        } catch (Cmi5Exception e) {
            return ResponseEntity.notFound().build();
        }
        return content.get(course.contentKey(), path).map(entry -> ResponseEntity.ok()
                .contentType(MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .contentLength(entry.size())
                .cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(entry.stream())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
