package org.hipaatraining.lrs.lti;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.system.ContentSecurityPolicies;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The course picker's answer: the chosen items go back to the LMS as a signed deep linking response. */
@Controller
class DeepLinkController {

    private final DeepLinking deepLinking;

    DeepLinkController(DeepLinking deepLinking) {
        this.deepLinking = deepLinking;
    }

    @PostMapping("/lti/deep-link")
    ModelAndView choose(@RequestParam(required = false) String token, @RequestParam(name = "item", required = false) List<String> items,
                        HttpServletResponse response) {
        ModelAndView page = deepLinking.respond(token, items);
        response.setHeader("Content-Security-Policy",
                ContentSecurityPolicies.ltiPostingTo((String) page.getModel().get("returnOrigin")));
        return page;
    }
}
