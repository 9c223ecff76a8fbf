package org.hipaatraining.lrs.lti;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.hipaatraining.lrs.system.ServerSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step one of an LTI launch (OIDC third-party initiated login): the platform sends the browser here, the tool sends it
 * back to the platform's authentication endpoint with a fresh state and nonce, and the platform then posts the signed
 * id_token to {@code /lti/launch}.
 */
@Controller
class OidcLoginController {

    private final LtiPlatforms platforms;
    private final LoginStateStore states;
    private final ServerSettings server;

    OidcLoginController(LtiPlatforms platforms, LoginStateStore states, ServerSettings server) {
        this.platforms = platforms;
        this.states = states;
        this.server = server;
    }

    @RequestMapping(path = "/lti/login", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Void> login(@RequestParam(required = false) String iss,
                               @RequestParam(name = "login_hint", required = false) String loginHint,
                               @RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
                               @RequestParam(name = "lti_message_hint", required = false) String messageHint,
                               @RequestParam(name = "client_id", required = false) String clientId,
                               @RequestParam(name = "lti_deployment_id", required = false) String deploymentId) {
        if (iss == null || iss.isBlank() || loginHint == null || loginHint.isBlank()) {
            throw LtiException.badRequest("This page is opened by your LMS when you launch the training; it needs the "
                    + "LMS's iss and login_hint. Start from the course link in your LMS.");
        }
        LtiPlatform platform = platforms.find(iss, clientId).orElseThrow(() -> LtiException.untrusted(
                "This LMS (" + iss + (clientId == null ? "" : ", client " + clientId) + ") is not registered with the "
                        + "training server. Ask your training administrator to add it under Admin > LTI."));
        if (deploymentId != null && !deploymentId.isBlank() && !platform.hasDeployment(deploymentId)) {
            throw LtiException.untrusted("Deployment " + deploymentId + " of " + platform.name()
                    + " is not registered with the training server. Ask your training administrator to add it.");
        }
        LoginStateStore.LoginState login = states.create(platform.id(), targetLinkUri);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("scope", "openid");
        query.put("response_type", "id_token");
        query.put("response_mode", "form_post");
        query.put("prompt", "none");
        query.put("client_id", platform.clientId());
        query.put("redirect_uri", server.base() + "/lti/launch");
        query.put("login_hint", loginHint);
        query.put("state", login.state());
        query.put("nonce", login.nonce());
        if (messageHint != null) {
            query.put("lti_message_hint", messageHint);
        }
        String auth = platform.authLoginUrl();
        String location = auth + (auth.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
    }
}
