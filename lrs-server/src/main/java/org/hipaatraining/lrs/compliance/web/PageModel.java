package org.hipaatraining.lrs.compliance.web;

import org.hipaatraining.lrs.auth.AdminRole;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * How the compliance pages show errors: as a page, not as the compliance API's JSON (this advice comes first for the
 * page controllers). What every admin page's header knows comes from {@code admin.AdminPageModel}.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

    static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AdminRole.ADMIN.authority().equals(a.getAuthority()));
    }

    @ExceptionHandler(ComplianceService.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(ComplianceService.NotFound e, Model model, Authentication authentication) {
        return error(model, authentication, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ComplianceException.class, RosterService.RosterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(RuntimeException e, Model model, Authentication authentication) {
        return error(model, authentication, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private String error(Model model, Authentication authentication, HttpStatus status, String message) {
        model.addAttribute("currentUser", authentication == null ? null : authentication.getName());
        model.addAttribute("canEdit", isAdmin(authentication));
        model.addAttribute("status", status.value());
        model.addAttribute("error", status.getReasonPhrase());
        model.addAttribute("message", message);
        return "error";
    }
}
