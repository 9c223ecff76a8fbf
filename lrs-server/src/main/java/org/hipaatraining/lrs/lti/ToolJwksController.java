package org.hipaatraining.lrs.lti;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tool's public keys ("Public keyset URL" in Moodle, "Public JWK URL" in Canvas). */
@RestController
class ToolJwksController {

    private final ToolKeys keys;

    ToolJwksController(ToolKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/lti/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(keys.publicJwks());
    }
}
