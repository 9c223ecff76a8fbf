package org.hipaatraining.lrs.lti;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.system.ServerSettings;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin page for LTI: the tool's URLs to paste into Moodle, a Canvas developer key to paste into Canvas, the
 * platforms registered so far with a form to add one, the tool's keys, and scores still waiting for a platform.
 */
@Controller
class LtiAdminController {

    private final LtiPlatforms platforms;
    private final ToolKeys keys;
    private final ScoreOutbox outbox;
    private final ServerSettings server;

    LtiAdminController(LtiPlatforms platforms, ToolKeys keys, ScoreOutbox outbox, ServerSettings server) {
        this.platforms = platforms;
        this.keys = keys;
        this.outbox = outbox;
        this.server = server;
    }

    /** The URLs an LMS needs, as its registration forms call them. */
    record ToolUrls(String toolUrl, String loginUrl, String redirectUrl, String jwksUrl, String deepLinkingUrl) {
    }

    ToolUrls urls() {
        String base = server.base();
        return new ToolUrls(base + "/lti/launch", base + "/lti/login", base + "/lti/launch", base + "/lti/jwks",
                base + "/lti/launch");
    }

    @GetMapping("/admin/lti")
    String page(Model model, HttpServletRequest request) {
        model.addAttribute("urls", urls());
        model.addAttribute("canvasKey", canvasDeveloperKey());
        model.addAttribute("platforms", platforms.all());
        model.addAttribute("keys", keys.list());
        model.addAttribute("pendingScores", outbox.pending(50));
        model.addAttribute("mayChange", request.isUserInRole("ADMIN"));
        return "admin/lti";
    }

    @PostMapping("/admin/lti/platforms")
    String addPlatform(@RequestParam String name, @RequestParam String issuer, @RequestParam String clientId,
                       @RequestParam String deploymentIds, @RequestParam String authLoginUrl, @RequestParam String tokenUrl,
                       @RequestParam String jwksUrl, @RequestParam(required = false) String tokenAudience,
                       HttpServletRequest request, RedirectAttributes redirect) {
        requireAdmin(request);
        List<String> deployments = Arrays.stream(deploymentIds.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            LtiPlatform added = platforms.create(new LtiPlatform.Details(name, issuer, clientId, deployments, authLoginUrl,
                    tokenUrl, jwksUrl, tokenAudience));
            redirect.addFlashAttribute("notice", "Added " + added.name() + ". Launches from it are accepted now.");
        } catch (LtiException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/lti";
    }

    @PostMapping("/admin/lti/keys/rotate")
    String rotate(HttpServletRequest request, RedirectAttributes redirect) {
        requireAdmin(request);
        ToolKeys.KeyView key = keys.rotate();
        redirect.addFlashAttribute("notice", "New signing key " + key.kid() + ". The old keys stay published until removed.");
        return "redirect:/admin/lti";
    }

    private static void requireAdmin(HttpServletRequest request) {
        if (!request.isUserInRole("ADMIN")) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.FORBIDDEN, "admins only");
        }
    }

    /** Canvas: Admin > Developer Keys > + LTI Key > Method: Paste JSON. */
    String canvasDeveloperKey() {
        ToolUrls urls = urls();
        ObjectNode key = XapiJson.MAPPER.createObjectNode();
        key.put("title", "HIPAA training");
        key.put("description", "HIPAA privacy and security training with compliance records");
        key.put("oidc_initiation_url", urls.loginUrl());
        key.put("target_link_uri", urls.toolUrl());
        key.put("public_jwk_url", urls.jwksUrl());
        ArrayNode scopes = key.putArray("scopes");
        scopes.add(LtiClaims.SCOPE_LINEITEM).add(LtiClaims.SCOPE_SCORE).add(LtiClaims.SCOPE_MEMBERSHIPS);
        ObjectNode extension = key.putArray("extensions").addObject();
        extension.put("domain", URI.create(server.base()).getHost());
        extension.put("tool_id", "hipaa-training");
        extension.put("platform", "canvas.instructure.com");
        extension.put("privacy_level", "public");
        ObjectNode settings = extension.putObject("settings");
        settings.put("text", "HIPAA training");
        ArrayNode placements = settings.putArray("placements");
        for (String placement : List.of("link_selection", "assignment_selection")) {
            placements.addObject().put("placement", placement).put("message_type", LtiClaims.DEEP_LINKING_REQUEST)
                    .put("target_link_uri", urls.deepLinkingUrl()).put("text", "HIPAA training");
        }
        key.putObject("custom_fields");
        return XapiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(key);
    }
}
