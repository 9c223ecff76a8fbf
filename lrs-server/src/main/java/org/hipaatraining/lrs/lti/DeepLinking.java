package org.hipaatraining.lrs.lti;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Role;
import org.hipaatraining.lrs.system.ServerSettings;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.ModelAndView;

/**
 * LTI Deep Linking 2.0: an LMS teacher or admin picks role courses or modules on a small page, and the tool answers the
 * platform with a signed LtiDeepLinkingResponse whose content items are resource links carrying the choice as custom
 * parameters, each with a line item (score out of 100) so the LMS makes a grade column.
 */
@Service
class DeepLinking {

    private final DeepLinkStore requests;
    private final LtiPlatforms platforms;
    private final ToolKeys keys;
    private final Catalogue catalogue;
    private final ServerSettings server;
    private final Clock clock;

    DeepLinking(DeepLinkStore requests, LtiPlatforms platforms, ToolKeys keys, Catalogue catalogue, ServerSettings server,
                Clock clock) {
        this.requests = requests;
        this.platforms = platforms;
        this.keys = keys;
        this.catalogue = catalogue;
        this.server = server;
        this.clock = clock;
    }

    /** One thing to pick: {@code value} is a {@link LaunchTarget#courseId()}. */
    record Choice(String value, String title, String detail) {
    }

    ModelAndView selectionPage(LtiMessage message) {
        Map<String, Object> settings = message.deepLinkingSettings();
        String returnUrl = message.deepLinkReturnUrl();
        if (returnUrl == null) {
            throw LtiException.badRequest("The deep linking request has no deep_link_return_url.");
        }
        if (LmsReturnUrls.safeOrigin(returnUrl).isEmpty()) {
            throw LtiException.badRequest("The deep linking request's deep_link_return_url is not an https address; "
                    + "ask your LMS administrator to check the platform's address.");
        }
        Object types = settings.get("accept_types");
        if (types instanceof List<?> list && !list.contains("ltiResourceLink")) {
            throw LtiException.badRequest("This LMS placement does not accept LTI resource links (it accepts " + list + ").");
        }
        Object data = settings.get("data");
        DeepLinkStore.Request request = requests.save(message.platform().id(), message.deploymentId(), returnUrl,
                data == null ? null : String.valueOf(data), Boolean.TRUE.equals(settings.get("accept_multiple")),
                !Boolean.FALSE.equals(settings.get("accept_lineitem")));
        List<Choice> roles = new ArrayList<>();
        for (Role role : catalogue.roles()) {
            roles.add(new Choice(LaunchTarget.role(role.id()).courseId(), role.title(),
                    role.moduleIds().size() + " modules"));
        }
        List<Choice> modules = new ArrayList<>();
        for (Module module : catalogue.modules()) {
            modules.add(new Choice(LaunchTarget.module(module.id()).courseId(), module.title(), "version " + module.version()));
        }
        ModelAndView page = new ModelAndView("lti/deep-link");
        page.addObject("token", request.token());
        page.addObject("multiple", request.acceptMultiple());
        page.addObject("platform", message.platform().name());
        page.addObject("context", message.contextTitle());
        page.addObject("roles", roles);
        page.addObject("modules", modules);
        return page;
    }

    /**
     * The signed response for the chosen items, in a page that posts it to the platform at once; {@code returnOrigin}
     * in the model is the one place besides this server that the page's form may post to.
     */
    ModelAndView respond(String token, List<String> chosen) {
        DeepLinkStore.Request request = requests.consume(token).orElseThrow(() -> LtiException.untrusted(
                "This course picker has already been used or is more than an hour old. Start again from your LMS."));
        if (chosen == null || chosen.isEmpty()) {
            throw LtiException.badRequest("Pick at least one course or module.");
        }
        if (!request.acceptMultiple() && chosen.size() > 1) {
            throw LtiException.badRequest("This LMS placement takes one item; pick one.");
        }
        LtiPlatform platform = platforms.get(request.platformId());
        List<Map<String, Object>> items = new ArrayList<>();
        for (String value : chosen) {
            items.add(contentItem(value, request.acceptLineItem()));
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, request.deploymentId())
                .claim(LtiClaims.CONTENT_ITEMS, items)
                .claim(LtiClaims.DL_MSG, items.size() == 1 ? "Added " + items.get(0).get("title") : "Added " + items.size() + " items");
        if (request.data() != null) {
            claims.claim(LtiClaims.DL_DATA, request.data());
        }
        String origin = LmsReturnUrls.safeOrigin(request.returnUrl()).orElseThrow(() -> LtiException.badRequest(
                "The deep linking request's deep_link_return_url is not an https address."));
        ModelAndView page = new ModelAndView("lti/deep-link-return");
        page.addObject("returnUrl", request.returnUrl());
        page.addObject("returnOrigin", origin);
        page.addObject("jwt", keys.sign(claims.build()));
        return page;
    }

    private Map<String, Object> contentItem(String value, boolean lineItem) {
        int colon = value.indexOf(':');
        String kind = colon < 0 ? "" : value.substring(0, colon);
        String id = value.substring(colon + 1);
        LaunchTarget target = LaunchTarget.fromCustom(catalogue, kind.equals(LaunchTarget.MODULE) ? id : null,
                kind.equals(LaunchTarget.ROLE) ? id : null)
                .orElseThrow(() -> LtiException.badRequest("'" + value + "' is not a course or module of the catalogue."));
        String title = target.isRole() ? "HIPAA training: " + target.title(catalogue) : target.title(catalogue);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", title);
        item.put("url", server.base() + "/lti/launch");
        item.put("custom", Map.of(target.kind(), target.id()));
        if (lineItem) {
            item.put("lineItem", Map.of("scoreMaximum", 100, "label", title, "resourceId", target.courseId(),
                    "tag", "hipaa-training"));
        }
        return item;
    }
}
