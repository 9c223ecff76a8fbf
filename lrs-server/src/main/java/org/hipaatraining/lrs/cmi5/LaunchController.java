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
 * and the one-time fetch URL. Uploaded packages are third-party code, so their files are served with a CSP sandbox:
 * they run in an opaque origin and cannot use an admin's session on this site; they reach xAPI with their token (CORS).
 */
@RestController
class LaunchController {

    private static final String SANDBOX = "sandbox allow-scripts allow-forms allow-popups "
            + "allow-popups-to-escape-sandbox allow-modals allow-downloads allow-top-navigation-by-user-activation";

    private final LaunchTokens tokens;
    private final CourseRegistry courses;
    private final ContentStore content;

    LaunchController(LaunchTokens tokens, CourseRegistry courses, ContentStore content) {
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
        return content.get(course.contentKey(), path).map(entry -> {
            ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                    .contentType(MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM))
                    .contentLength(entry.size())
                    .cacheControl(CacheControl.noCache())
                    .header("X-Content-Type-Options", "nosniff");
            if (CourseRegistry.UPLOAD.equals(course.source())) {
                response.header("Content-Security-Policy", SANDBOX);
            }
            return response.body(new InputStreamResource(entry.stream()));
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
