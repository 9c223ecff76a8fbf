package org.hipaatraining.lrs.lti;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A failed launch shows the learner a short page saying what went wrong and what to do (usually: open the link in the
 * LMS again, or ask the training administrator), with 400 for a malformed request and 401 for one that is not trusted.
 */
@ControllerAdvice(assignableTypes = {OidcLoginController.class, LtiLaunchController.class, DeepLinkController.class})
class LtiErrorPages {

    private static final Logger log = LoggerFactory.getLogger(LtiErrorPages.class);

    @ExceptionHandler(LtiException.class)
    ModelAndView failed(LtiException e) {
        log.info("LTI request refused ({}): {}", e.status().value(), e.getMessage());
        ModelAndView page = new ModelAndView("lti/error", e.status());
        page.addObject("status", e.status().value());
        page.addObject("title", e.status() == HttpStatus.UNAUTHORIZED ? "This launch could not be trusted"
                : e.status() == HttpStatus.BAD_REQUEST ? "This launch could not be started" : "The training could not be opened");
        page.addObject("message", e.getMessage());
        return page;
    }
}
